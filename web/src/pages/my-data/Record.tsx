import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/Notice';
import {
  DEPARTMENTS,
  GENDERS,
  MARITAL,
  REGISTRIES,
  RELATIONSHIPS,
  districtName,
  formatDateTime,
  label,
} from '../../format';
import { MyRecordDocument, type MyRecordQuery } from '../../gql/graphql';

type Provenance = NonNullable<NonNullable<MyRecordQuery['me']>['provenance']>[number];

/** Where a value comes from and when it last changed (the registry's own write records). */
function Source({ of }: { of: Provenance | undefined }) {
  if (!of) return null;
  const who = of.suppliedBy === 'CITIZEN' ? '本人提供' : `${label(DEPARTMENTS, of.department)}登记核实`;
  const when = of.recorded && of.changedAt ? `更新于 ${formatDateTime(of.changedAt)}` : '无变更记录';
  return (
    <span className="source">
      来源：{label(REGISTRIES, of.registry)} · {who} · {when}
    </span>
  );
}

export function MyRecord() {
  const [{ data, fetching, error }] = useQuery({ query: MyRecordDocument });
  if (fetching) return <Loading what="本人信息" />;
  const me = data?.me;
  if (!me) return <ErrorNotice error={error ?? '人口信息库中没有您的记录。'} what="读取本人信息" />;
  const source = new Map((me.provenance ?? []).map((p) => [p.field, p]));
  const from = (field: string) => <Source of={source.get(`Person.${field}`)} />;
  return (
    <>
      {error && <ErrorNotice error={error} what="读取部分信息" />}
      <h2>本人信息</h2>
      <p className="hint">每项信息下注明来源信息库、最后由谁变更（本人提供或部门登记核实）及更新时间。</p>
      <dl className="facts">
        <dt>姓名</dt>
        <dd>
          {me.name ?? '—'}
          {from('name')}
        </dd>
        <dt>性别</dt>
        <dd>
          {label(GENDERS, me.gender)}
          {from('gender')}
        </dd>
        <dt>出生日期</dt>
        <dd>
          {me.birthDate ?? '—'}
          {from('birthDate')}
        </dd>
        <dt>民族</dt>
        <dd>
          {me.ethnicity ?? '—'}
          {from('ethnicity')}
        </dd>
        <dt>身份证号</dt>
        <dd>
          <span className="mono">{me.idNumber ?? '—'}</span>
          {from('idNumber')}
        </dd>
        <dt>户籍区县</dt>
        <dd>
          {districtName(me.districtCode)}
          {from('districtCode')}
        </dd>
        <dt>户籍地址</dt>
        <dd>
          {me.registeredAddress ?? '—'}
          {from('registeredAddress')}
        </dd>
        <dt>手机号</dt>
        <dd>
          <span className="mono">{me.phone ?? '未登记'}</span>
          {from('phone')}
        </dd>
        <dt>婚姻状况</dt>
        <dd>
          {label(MARITAL, me.maritalStatus)}
          {from('maritalStatus')}
        </dd>
      </dl>
      <h2>户籍</h2>
      {me.household ? (
        <>
          <p className="hint">{from('household')}</p>
          <dl className="facts">
            <dt>户号</dt>
            <dd className="mono">{me.household.number}</dd>
            <dt>所在区县</dt>
            <dd>{districtName(me.household.districtCode)}</dd>
            <dt>住址</dt>
            <dd>{me.household.address ?? '—'}</dd>
          </dl>
          <div className="table-wrap">
            <table>
              <caption>户内成员（其他成员的个人信息属于本人，此处只显示与户主关系）</caption>
              <thead>
                <tr>
                  <th scope="col">与户主关系</th>
                  <th scope="col">成员</th>
                </tr>
              </thead>
              <tbody>
                {(me.household.members ?? []).map((member, index) => (
                  <tr key={member.person?.id ?? index}>
                    <td>{label(RELATIONSHIPS, member.relationship)}</td>
                    <td>{member.person?.id === me.id ? `本人（${me.name ?? ''}）` : '家庭成员'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>未登记户籍。</p>
      )}
    </>
  );
}
