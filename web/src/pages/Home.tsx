import { Link } from 'react-router';
import { useSession } from '../session';

/** Where each kind of visitor starts. */
export function Home() {
  const session = useSession();
  return (
    <section>
      <h1>成都市政务服务</h1>
      <p className="lead">一处查询，各部门数据各自保管；每一次查看个人数据都留痕可查。</p>
      <ul className="cards">
        <li>
          <h2>
            <Link to="/me">我的数据</Link>
          </h2>
          <p>本人信息、户籍、电子证照（含核验码和二维码）、已提交材料，以及谁在何时因何查看了我的数据。</p>
        </li>
        <li>
          <h2>
            <Link to="/assistance">社会救助</Link>
          </h2>
          <p>申请最低生活保障等救助：已在库的证照和材料直接引用，缺什么一次告知；查看办理进度。</p>
        </li>
        <li>
          <h2>
            <Link to="/notices">救助公示</Link>
          </h2>
          <p>无需登录：查看公示期内的拟救助对象，可实名或匿名提出异议。</p>
        </li>
        <li>
          <h2>
            <Link to="/caseworker">窗口办件</Link>
          </h2>
          <p>工作人员按办件编号查询申请人，一次性告知材料是否齐全。</p>
        </li>
        <li>
          <h2>
            <Link to="/verify">证照核验</Link>
          </h2>
          <p>无需登录：输入证照上的核验码，或扫描证照二维码，核验真伪和状态。</p>
        </li>
      </ul>
      {!session && (
        <p>
          <Link to="/sign-in" className="button">
            登录
          </Link>
        </p>
      )}
    </section>
  );
}
