import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { withPurpose } from '../client';
import { ErrorNotice, Loading, NeedsSignIn } from '../components/Notice';
import { StatusBadge } from '../components/StatusBadge';
import {
  GENDERS,
  PROVIDERS,
  READINESS,
  RELATIONSHIPS,
  districtName,
  formatDateTime,
  label,
  readinessText,
} from '../format';
import { ApplicantReadinessDocument, RecordMaterialUseDocument, ServiceListDocument } from '../gql/graphql';
import { downloadMaterial } from '../materials';
import { useSession } from '../session';

interface Lookup {
  purpose: string;
  service: string;
  idNumber: string;
}

const TONES = { SATISFIED: 'good', EXPIRED: 'warn', MISSING: 'bad', UNKNOWN: 'neutral' } as const;

/**
 * The caseworker's counter: an applicant looked up for a case (the case reference goes with every
 * request as X-Purpose and into the applicant's access log), and what the service still needs.
 */
export function Caseworker() {
  const session = useSession();
  const [draft, setDraft] = useState<Lookup>({ purpose: '', service: 'MLA', idNumber: '' });
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [{ data: services }] = useQuery({ query: ServiceListDocument, pause: session?.role !== 'officer' });
  const ids = { purpose: useId(), service: useId(), idNumber: useId() };

  if (!session || session.role !== 'officer') return <NeedsSignIn role="工作人员" />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setLookup({ purpose: draft.purpose.trim(), service: draft.service, idNumber: draft.idNumber.trim().toUpperCase() });
  }

  const set = (key: keyof Lookup) => (event: { target: { value: string } }) =>
    setDraft((previous) => ({ ...previous, [key]: event.target.value }));

  return (
    <section>
      <h1>窗口办件</h1>
      <p>
        查询申请人须填写办件编号：它随每次查询发送（X-Purpose），记入申请人的数据访问记录，申请人可在“我的数据”中看到。
      </p>
      <form className="filters lookup" onSubmit={onSubmit} aria-label="查询申请人">
        <div>
          <label htmlFor={ids.purpose}>办件编号</label>
          <input
            id={ids.purpose}
            value={draft.purpose}
            onChange={set('purpose')}
            required
            maxLength={200}
            placeholder="如 MLA-2026-0193"
            autoComplete="off"
          />
        </div>
        <div>
          <label htmlFor={ids.service}>办理事项</label>
          <select id={ids.service} value={draft.service} onChange={set('service')}>
            {(services?.services ?? [{ code: 'MLA', abbreviation: 'MLA', name: '最低生活保障' }]).map((s) => (
              <option key={s.code} value={s.abbreviation}>
                {s.name}（{s.abbreviation}）
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.idNumber}>申请人身份证号</label>
          <input
            id={ids.idNumber}
            value={draft.idNumber}
            onChange={set('idNumber')}
            required
            inputMode="text"
            pattern="[0-9]{17}[0-9Xx]"
            title="18 位身份证号，最后一位可以是 X"
            autoComplete="off"
          />
        </div>
        <div className="filter-actions">
          <button type="submit">查询</button>
        </div>
      </form>
      {lookup && <Applicant key={`${lookup.purpose}|${lookup.service}|${lookup.idNumber}`} lookup={lookup} />}
    </section>
  );
}

function Applicant({ lookup }: { lookup: Lookup }) {
  const context = useMemo(() => withPurpose(lookup.purpose), [lookup.purpose]);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ApplicantReadinessDocument,
    variables: { idNumber: lookup.idNumber, service: lookup.service },
    context,
  });
  const [used, recordUse] = useMutation(RecordMaterialUseDocument);
  const [note, setNote] = useState<string | null>(null);

  if (fetching && !data) return <Loading what="申请人信息" />;
  const person = data?.personByIdNumber;
  if (!person) {
    return error ? (
      <ErrorNotice error={error} what="查询申请人" />
    ) : (
      <p className="notice" role="status">
        没有身份证号为 <span className="mono">{lookup.idNumber}</span> 的登记人员。
      </p>
    );
  }
  const readiness = person.readiness;

  async function recordMaterial(materialId: string) {
    setNote(null);
    const result = await recordUse({ input: { materialId, service: lookup.service } }, context);
    if (result.error) setNote(`记录未成功：${result.error.graphQLErrors[0]?.message ?? result.error.message}`);
    else {
      setNote(`已记录：本件（${lookup.purpose}）使用了该材料，申请人可在“我的材料”中看到。`);
      refetch({ requestPolicy: 'network-only' });
    }
  }

  return (
    <>
      <h2>申请人</h2>
      <dl className="facts">
        <dt>姓名</dt>
        <dd>{person.name ?? '—'}</dd>
        <dt>性别</dt>
        <dd>{label(GENDERS, person.gender)}</dd>
        <dt>出生年份</dt>
        <dd>{person.birthYear ?? '—'}</dd>
        <dt>身份证号</dt>
        <dd className="mono">{person.idNumber ?? '—'}</dd>
        <dt>户籍区县</dt>
        <dd>{districtName(person.districtCode)}</dd>
      </dl>
      {error && <ErrorNotice error={error} what="读取部分信息" />}
      {readiness && (
        <>
          <h2>
            {readiness.service.name}：{readiness.complete ? '材料齐全' : '材料不齐'}
          </h2>
          <p role="status">
            已具备 {readiness.satisfied} 项，缺少 {readiness.missing} 项，已过期 {readiness.expired} 项，无法确认{' '}
            {readiness.unknown} 项。承诺办结时限 {readiness.service.promisedTimeLimitDays} 个工作日。
          </p>
          <div role="status" aria-live="polite">
            {note && <p className={`notice ${used.error ? 'error' : 'good'}`}>{note}</p>}
          </div>
          <div className="table-wrap">
            <table className="phone-cards">
              <caption>一次性告知：每项材料及每位家庭成员的情况</caption>
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">材料</th>
                  <th scope="col">谁提供</th>
                  <th scope="col">情况</th>
                  <th scope="col">依据</th>
                </tr>
              </thead>
              <tbody>
                {readiness.items.map((item, index) => (
                  <tr key={`${item.requirement.position}-${item.person?.id ?? index}`}>
                    <td data-label="序号">{item.requirement.position}</td>
                    <td data-label="材料">
                      {item.requirement.description}
                      {item.requirement.originalRequired && <div className="hint">须核验原件</div>}
                    </td>
                    <td data-label="谁提供">
                      {label(PROVIDERS, item.requirement.provider)}
                      {item.person && (
                        <div>
                          {item.person.name ?? '家庭成员'}
                          {item.relationship && `（${label(RELATIONSHIPS, item.relationship)}）`}
                        </div>
                      )}
                    </td>
                    <td data-label="情况">
                      <StatusBadge tone={TONES[item.status]}>{label(READINESS, item.status)}</StatusBadge>
                      <div className="hint">{readinessText(item)}</div>
                    </td>
                    <td data-label="依据">
                      {item.certificate && (
                        <div>
                          {item.certificate.type?.name} <span className="mono">{item.certificate.number}</span>
                          {item.certificate.validUntil && `，有效至 ${item.certificate.validUntil}`}
                        </div>
                      )}
                      {item.material && (
                        <div className="material-actions">
                          <span>
                            {item.material.kind?.name}：{item.material.fileName ?? '（未命名）'}，
                            {formatDateTime(item.material.uploadedAt)} 提交
                          </span>
                          <button
                            type="button"
                            className="secondary"
                            onClick={() =>
                              downloadMaterial(
                                item.material!.downloadPath ?? `/materials/${item.material!.id}`,
                                item.material!.fileName ?? item.material!.id,
                                lookup.purpose,
                              ).catch((problem: Error) => setNote(`下载未成功：${problem.message}`))
                            }
                          >
                            查看文件
                          </button>
                          <button
                            type="button"
                            className="secondary"
                            disabled={used.fetching}
                            onClick={() => void recordMaterial(item.material!.id)}
                          >
                            本件使用此材料
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
