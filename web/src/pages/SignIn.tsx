import { useEffect, useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ROLES } from '../format';
import { hasScope, signIn, type Session } from '../session';

interface DemoSignIn {
  id: string;
  label: string;
  description: string;
  token: string;
}

type Offer = { kind: 'loading' } | { kind: 'demo'; signIns: DemoSignIn[] } | { kind: 'none' };

function homeOf(session: Session): string {
  if (session.role === 'citizen') return '/me';
  if (session.role === 'analyst') return '/analyst';
  if (session.role !== 'officer') return '/';
  // A supervisor (assistance:read, no counter work) starts at the supervision board.
  if (!hasScope(session, 'person:read') && hasScope(session, 'assistance:read')) return '/caseworker/supervision';
  return '/caseworker';
}

/**
 * Development sign-in: pick a demo person or paste a token from `npm run token`. The gateway
 * offers demo people only outside production; there the city's identity provider signs people in.
 */
export function SignIn() {
  const navigate = useNavigate();
  const [offer, setOffer] = useState<Offer>({ kind: 'loading' });
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const tokenId = useId();

  useEffect(() => {
    let live = true;
    fetch('/demo-tokens', { headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { signIns: DemoSignIn[] };
        if (live) setOffer({ kind: 'demo', signIns: body.signIns });
      })
      .catch(() => live && setOffer({ kind: 'none' }));
    return () => {
      live = false;
    };
  }, []);

  function use(token: string) {
    const session = signIn(token);
    if (!session) {
      setProblem('这不是有效的用户令牌（应为三段式 JWT，含 sub 和 role）。请检查后重试。');
      return;
    }
    navigate(homeOf(session));
  }

  function onPaste(event: FormEvent) {
    event.preventDefault();
    use(pasted);
  }

  return (
    <section>
      <h1>登录</h1>
      {offer.kind === 'loading' && <p role="status">正在检查登录方式……</p>}
      {offer.kind === 'none' && (
        <div className="notice">
          <p>本环境通过全市统一身份认证平台登录，请从单位门户或“天府通办”进入。</p>
        </div>
      )}
      {offer.kind === 'demo' && (
        <>
          <p className="notice warn">开发环境：以下为演示身份，令牌仅保存在本浏览器标签页中，关闭即失效。</p>
          <h2>选择演示身份</h2>
          <ul className="choices">
            {offer.signIns.map((demo) => (
              <li key={demo.id}>
                <button type="button" className="choice" onClick={() => use(demo.token)}>
                  <span className="choice-title">{demo.label}</span>
                  <span className="choice-text">{demo.description}</span>
                </button>
              </li>
            ))}
          </ul>
          <h2>粘贴令牌</h2>
          <form onSubmit={onPaste} className="stack">
            <label htmlFor={tokenId}>
              令牌（<code>npm run token -- --role citizen</code> 输出的最后一行）
            </label>
            <textarea
              id={tokenId}
              rows={4}
              value={pasted}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setPasted(event.target.value)}
              required
            />
            <div>
              <button type="submit">用此令牌登录</button>
            </div>
          </form>
          {problem && (
            <p className="notice error" role="alert">
              {problem}
            </p>
          )}
          <p className="hint">
            角色：{Object.values(ROLES).join('、')}。工作人员查看敏感信息时需填写办件编号（X-Purpose）。
          </p>
        </>
      )}
    </section>
  );
}
