import { Link } from 'react-router';
import type { CombinedError } from 'urql';

/** What went wrong, for people: the gateway's message, with what to do. */
export function ErrorNotice({ error, what }: { error: CombinedError | Error | string; what: string }) {
  let text: string;
  if (typeof error === 'string') text = error;
  else if ('graphQLErrors' in error && error.graphQLErrors.length > 0) {
    const codes = new Set(error.graphQLErrors.map((e) => e.extensions?.code));
    if (codes.has('UNAUTHENTICATED')) text = '登录已失效或令牌无效，请重新登录。';
    else if (codes.has('FORBIDDEN')) text = `无权${what}：${error.graphQLErrors[0].message}`;
    else text = error.graphQLErrors.map((e) => e.message).join('；');
  } else if ('networkError' in error && error.networkError) {
    text = `无法连接服务：${error.networkError.message}。请稍后重试。`;
  } else text = error.message;
  return (
    <div className="notice error" role="alert">
      <strong>{what}失败。</strong> {text}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      正在加载{what}……
    </p>
  );
}

/** Shown where a page needs a sign-in the visitor does not have. */
export function NeedsSignIn({ role }: { role: string }) {
  return (
    <div className="notice">
      <p>
        本页面需要以<strong>{role}</strong>身份登录。<Link to="/sign-in">前往登录</Link>
      </p>
    </div>
  );
}
