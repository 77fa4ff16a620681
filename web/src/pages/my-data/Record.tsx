import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/Notice';
import { GENDERS, MARITAL, RELATIONSHIPS, districtName, label } from '../../format';
import { MyRecordDocument } from '../../gql/graphql';

export function MyRecord() {
  const [{ data, fetching, error }] = useQuery({ query: MyRecordDocument });
  if (fetching) return <Loading what="本人信息" />;
  const me = data?.me;
  if (!me) return <ErrorNotice error={error ?? '人口信息库中没有您的记录。'} what="读取本人信息" />;
  return (
    <>
      {error && <ErrorNotice error={error} what="读取部分信息" />}
      <h2>本人信息</h2>
      <dl className="facts">
        <dt>姓名</dt>
        <dd>{me.name ?? '—'}</dd>
        <dt>性别</dt>
        <dd>{label(GENDERS, me.gender)}</dd>
        <dt>出生日期</dt>
        <dd>{me.birthDate ?? '—'}</dd>
        <dt>民族</dt>
        <dd>{me.ethnicity ?? '—'}</dd>
        <dt>身份证号</dt>
        <dd className="mono">{me.idNumber ?? '—'}</dd>
        <dt>户籍区县</dt>
        <dd>{districtName(me.districtCode)}</dd>
        <dt>户籍地址</dt>
        <dd>{me.registeredAddress ?? '—'}</dd>
        <dt>手机号</dt>
        <dd className="mono">{me.phone ?? '未登记'}</dd>
        <dt>婚姻状况</dt>
        <dd>{label(MARITAL, me.maritalStatus)}</dd>
      </dl>
      <h2>户籍</h2>
      {me.household ? (
        <>
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
