import { Link } from 'react-router';

export function NotFound() {
  return (
    <section>
      <h1>页面不存在</h1>
      <p>
        没有这个页面。<Link to="/">返回首页</Link>
      </p>
    </section>
  );
}
