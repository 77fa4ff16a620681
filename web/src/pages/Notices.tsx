import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, Loading } from '../components/Notice';
import { districtName, formatDateTime } from '../format';
import {
  AssistanceProgrammesDocument,
  ObjectToNoticeDocument,
  PublicNoticesDocument,
  type ObjectToNoticeMutation,
  type ProgrammeCode,
  type PublicNoticesQuery,
} from '../gql/graphql';
import { useSession } from '../session';
import { CHENGDU_DISTRICTS } from '../../../subgraphs/shared/domain/divisions';

type Notice = PublicNoticesQuery['publicNotices'][number];

/** Sent without the bearer token: an anonymous objection even from a signed-in browser. */
const ANONYMOUS = { fetchOptions: () => ({ headers: {} as Record<string, string> }) };

/**
 * Public notice (公示), no sign-in: the proposed recipients whose notice period runs today, and a
 * form to object to one, anonymously or in one's own name.
 */
export function Notices() {
  const [params, setParams] = useSearchParams();
  const district = params.get('district') ?? '';
  const programme = (params.get('programme') ?? '') as ProgrammeCode | '';
  const [{ data: programmes }] = useQuery({ query: AssistanceProgrammesDocument });
  const variables = useMemo(
    () => ({ district: district || null, programme: programme || null }),
    [district, programme],
  );
  const [{ data, fetching, error }] = useQuery({ query: PublicNoticesDocument, variables });
  const [target, setTarget] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const ids = { district: useId(), programme: useId() };
  const notices = data?.publicNotices ?? [];

  function choose(notice: Notice) {
    setTarget(notice.id);
    form.current?.scrollIntoView({ block: 'start' });
    form.current?.querySelector('textarea')?.focus();
  }

  function onFilter(name: 'district' | 'programme', value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  }

  return (
    <section className="notices">
      <h1>社会救助公示</h1>
      <p>
        以下为今日处于公示期的拟救助对象（姓名已部分隐去）。对公示对象有异议的，可在公示期内实名或匿名提出，民政部门将核实处理。
      </p>
      <div className="filters" role="group" aria-label="筛选公示">
        <div>
          <label htmlFor={ids.district}>区（市、县）</label>
          <select id={ids.district} value={district} onChange={(e) => onFilter('district', e.target.value)}>
            <option value="">全部</option>
            {Object.entries(CHENGDU_DISTRICTS).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.programme}>救助项目</label>
          <select id={ids.programme} value={programme} onChange={(e) => onFilter('programme', e.target.value)}>
            <option value="">全部</option>
            {(programmes?.programmes ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {fetching && !data && <Loading what="公示名单" />}
      {error && <ErrorNotice error={error} what="读取公示名单" />}
      {data && (
        <p role="status">
          {fetching
            ? '正在查询……'
            : notices.length === 0
              ? '当前筛选条件下没有处于公示期的对象。'
              : `共 ${notices.length} 条公示。`}
        </p>
      )}
      {notices.length > 0 && (
        <div className="table-wrap">
          <table className="phone-cards">
            <caption>公示期内的拟救助对象</caption>
            <thead>
              <tr>
                <th scope="col">姓名</th>
                <th scope="col">区（市、县）</th>
                <th scope="col">救助项目</th>
                <th scope="col">拟救助金额</th>
                <th scope="col">公示期</th>
                <th scope="col">异议</th>
              </tr>
            </thead>
            <tbody>
              {notices.map((notice) => (
                <tr key={notice.id}>
                  <td data-label="姓名">{notice.maskedName}</td>
                  <td data-label="区（市、县）">{districtName(notice.districtCode)}</td>
                  <td data-label="救助项目">{notice.programmeName}</td>
                  <td data-label="拟救助金额">{notice.proposedAmount} 元/月</td>
                  <td data-label="公示期">
                    {notice.startsOn} 至 {notice.endsOn}
                  </td>
                  <td data-label="异议">
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`对 ${notice.maskedName}（${districtName(notice.districtCode)}，${notice.programmeName}）提出异议`}
                      onClick={() => choose(notice)}
                    >
                      提出异议
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notices.length > 0 && <ObjectionForm notices={notices} target={target} setTarget={setTarget} form={form} />}
    </section>
  );
}

function describe(notice: Notice): string {
  return `${notice.maskedName}，${districtName(notice.districtCode)}，${notice.programmeName}，${notice.proposedAmount} 元/月`;
}

function ObjectionForm({
  notices,
  target,
  setTarget,
  form,
}: {
  notices: Notice[];
  target: string;
  setTarget: (id: string) => void;
  form: RefObject<HTMLFormElement>;
}) {
  const session = useSession();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(!session);
  const [problem, setProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{
    notice: Notice;
    receipt: NonNullable<ObjectToNoticeMutation['objectToNotice']>;
    named: boolean;
  } | null>(null);
  const [sending, object] = useMutation(ObjectToNoticeDocument);
  const confirmation = useRef<HTMLDivElement>(null);
  const ids = { notice: useId(), text: useId(), hint: useId() };

  useEffect(() => {
    if (receipt) confirmation.current?.focus();
  }, [receipt]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const notice = notices.find((n) => n.id === target);
    if (!notice) {
      setProblem('请选择要提出异议的公示对象。');
      return;
    }
    const body = text.trim();
    if (body.length < 1 || body.length > 500) {
      setProblem('异议内容请填写 1 至 500 字。');
      return;
    }
    const named = Boolean(session) && !anonymous;
    const result = await object({ input: { noticeId: notice.id, text: body } }, named ? undefined : ANONYMOUS);
    if (result.data?.objectToNotice) {
      setReceipt({ notice, receipt: result.data.objectToNotice, named });
      setText('');
    } else if (result.error) {
      const codes = result.error.graphQLErrors.map((e) => e.extensions?.code);
      setProblem(
        codes.includes('BAD_USER_INPUT')
          ? '异议未提交：该公示已结束或不存在，请刷新名单后重试。'
          : `异议未提交：${result.error.graphQLErrors[0]?.message ?? result.error.message}`,
      );
    }
  }

  return (
    <>
      <h2 id="objection">提出异议</h2>
      {receipt && (
        <div className="notice good" role="status" tabIndex={-1} ref={confirmation}>
          <p>
            <strong>异议已收到。</strong>针对：{describe(receipt.notice)}。回执编号{' '}
            <span className="mono">{receipt.receipt.id}</span>，收到时间 {formatDateTime(receipt.receipt.lodgedAt)}。
          </p>
          <p>
            {receipt.named ? '本次为实名提交。' : '本次为匿名提交，未记录您的身份。'}
            异议已转交负责该案件的民政部门核实；公示名单不会因此立即改变。请保存回执编号备查。
          </p>
        </div>
      )}
      <form className="stack" ref={form} onSubmit={onSubmit} aria-labelledby="objection" noValidate>
        <label htmlFor={ids.notice}>异议针对的公示对象</label>
        <select id={ids.notice} value={target} onChange={(e) => setTarget(e.target.value)} required>
          <option value="">请选择</option>
          {notices.map((notice) => (
            <option key={notice.id} value={notice.id}>
              {describe(notice)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.text}>异议内容（1 至 500 字）</label>
        <textarea
          id={ids.text}
          rows={4}
          maxLength={500}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={ids.hint}
          required
        />
        <p className="hint" id={ids.hint}>
          请写明所知情况，如家庭收入、财产、就业等与公示不符之处。请勿填写与异议无关的个人信息。
        </p>
        {session ? (
          <label className="check">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />{' '}
            匿名提交（不记录我的身份）
          </label>
        ) : (
          <p className="hint">您未登录，异议将匿名提交。</p>
        )}
        <div>
          <button type="submit" disabled={sending.fetching}>
            提交异议
          </button>
        </div>
      </form>
      <div aria-live="assertive">
        {problem && (
          <p className="notice error" role="alert">
            {problem}
          </p>
        )}
      </div>
    </>
  );
}
