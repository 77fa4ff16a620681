import { Suspense, lazy, useEffect, useRef } from 'react';
import { Link, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { AssistanceApply, MyAssistance } from './pages/Assistance';
import { Caseworker } from './pages/Caseworker';
import { CaseDetail, CaseQueue, Supervision } from './pages/Casework';
import { Loading } from './components/Notice';
import { CounterScreen, JobDetail, Jobs, MyJobApplications } from './pages/Jobs';
import { Home } from './pages/Home';
import { MyData } from './pages/MyData';
import { NotFound } from './pages/NotFound';
import { Notices } from './pages/Notices';
import { SignIn } from './pages/SignIn';
import { Verify } from './pages/Verify';
import { ROLES } from './format';
import { hasScope, signOut, useSession } from './session';

/** The analyst page carries the chart library: its own chunk, fetched only by those who open it. */
const Analyst = lazy(() => import('./pages/Analyst'));

/** The pages, one address each; the gateway answers any of them with this app. */
export function App() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);

  // After moving to another page, keyboard and screen-reader users start at its content.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <header className="site-header">
        <div className="bar">
          <Link to="/" className="brand">
            成都市政务服务
          </Link>
          <nav aria-label="主导航">
            <ul>
              <li>
                <NavLink to="/" end>
                  首页
                </NavLink>
              </li>
              <li>
                <NavLink to="/jobs" end>
                  岗位查询
                </NavLink>
              </li>
              {session?.role === 'citizen' && (
                <li>
                  <NavLink to="/jobs/mine">我的求职</NavLink>
                </li>
              )}
              {(!session || session.role === 'citizen') && (
                <li>
                  <NavLink to="/me">我的数据</NavLink>
                </li>
              )}
              {session?.role === 'citizen' && (
                <li>
                  <NavLink to="/assistance/mine">我的救助</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/notices">救助公示</NavLink>
              </li>
              {session?.role === 'officer' && hasScope(session, 'person:read') && (
                <li>
                  <NavLink to="/caseworker" end>
                    窗口办件
                  </NavLink>
                </li>
              )}
              {session?.role === 'officer' && hasScope(session, 'assistance:read:sensitive') && (
                <li>
                  <NavLink to="/caseworker/cases">救助审核</NavLink>
                </li>
              )}
              {session?.role === 'officer' && hasScope(session, 'assistance:read') && (
                <li>
                  <NavLink to="/caseworker/supervision">电子监察</NavLink>
                </li>
              )}
              {(session?.role === 'analyst' || session?.role === 'officer') && (
                <li>
                  <NavLink to="/analyst">统计分析</NavLink>
                </li>
              )}
              <li>
                <NavLink to="/verify">证照核验</NavLink>
              </li>
            </ul>
          </nav>
          <div className="who">
            {session ? (
              <>
                <span>
                  {ROLES[session.role]} {session.role === 'citizen' ? '' : session.sub}
                </span>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    signOut();
                    navigate('/sign-in');
                  }}
                >
                  退出
                </button>
              </>
            ) : (
              <NavLink to="/sign-in">登录</NavLink>
            )}
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/sign-in" element={<SignIn />} />
          <Route path="/me/*" element={<MyData />} />
          <Route path="/caseworker" element={<Caseworker />} />
          <Route path="/caseworker/cases" element={<CaseQueue />} />
          <Route path="/caseworker/cases/:id" element={<CaseDetail />} />
          <Route path="/caseworker/supervision" element={<Supervision />} />
          <Route path="/jobs" element={<Jobs />} />
          <Route path="/jobs/mine" element={<MyJobApplications />} />
          <Route path="/jobs/:id" element={<JobDetail />} />
          <Route path="/counter/:district" element={<CounterScreen />} />
          <Route path="/assistance" element={<AssistanceApply />} />
          <Route path="/assistance/mine" element={<MyAssistance />} />
          <Route path="/notices" element={<Notices />} />
          <Route path="/verify" element={<Verify />} />
          <Route
            path="/analyst"
            element={
              <Suspense fallback={<Loading what="统计分析页面" />}>
                <Analyst />
              </Suspense>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
      <footer className="site-footer">
        <p>每一次查看个人数据都会记录在案，市民可在“我的数据”中查看谁查看了自己的数据。</p>
      </footer>
    </>
  );
}
