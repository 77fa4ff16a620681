import { NavLink, Route, Routes } from 'react-router';
import { useQuery } from 'urql';
import { Loading, ErrorNotice, NeedsSignIn } from '../components/Notice';
import { MyAccessLog } from './my-data/AccessLog';
import { MyCertificates } from './my-data/Certificates';
import { MyConsent } from './my-data/Consent';
import { MyMaterials } from './my-data/Materials';
import { MyRecord } from './my-data/Record';
import { MyRecordDocument } from '../gql/graphql';
import { useSession } from '../session';

/** My data (citizens): one page per part, under /me. */
export function MyData() {
  const session = useSession();
  if (!session || session.role !== 'citizen') return <NeedsSignIn role="市民" />;
  return (
    <section>
      <h1>我的数据</h1>
      <nav aria-label="我的数据" className="subnav">
        <ul>
          <li>
            <NavLink to="/me" end>
              本人与户籍
            </NavLink>
          </li>
          <li>
            <NavLink to="/me/certificates">电子证照</NavLink>
          </li>
          <li>
            <NavLink to="/me/materials">我的材料</NavLink>
          </li>
          <li>
            <NavLink to="/me/consent">数据授权</NavLink>
          </li>
          <li>
            <NavLink to="/me/access">谁查看了我的数据</NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<MyRecord />} />
        <Route path="certificates" element={<MyCertificates />} />
        <Route path="materials" element={<MyMaterials />} />
        <Route path="consent" element={<MyConsent personId={session.sub} />} />
        <Route path="access" element={<WithMyId />} />
      </Routes>
    </section>
  );
}

/** The access log filters by the citizen's own person id, read from their record. */
function WithMyId() {
  const [{ data, fetching, error }] = useQuery({ query: MyRecordDocument });
  if (fetching) return <Loading what="本人信息" />;
  if (error && !data?.me) return <ErrorNotice error={error} what="读取本人信息" />;
  if (!data?.me) return <ErrorNotice error="人口信息库中没有您的记录。" what="读取本人信息" />;
  return <MyAccessLog personId={data.me.id} />;
}
