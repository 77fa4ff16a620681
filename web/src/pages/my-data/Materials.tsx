import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import { ErrorNotice, Loading } from '../../components/Notice';
import { DEPARTMENTS, formatBytes, formatDateTime, label } from '../../format';
import { MaterialKindsDocument, MyMaterialsDocument, type MyMaterialsQuery } from '../../gql/graphql';
import { downloadMaterial, uploadMaterial } from '../../materials';

type Material = NonNullable<NonNullable<MyMaterialsQuery['me']>['materials']>['edges'][number]['node'];

/** Materials per page (each lists the applications that used it, within the gateway's cost budget). */
const PAGE = 20;

type UploadState =
  { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/** Materials submitted once: upload, download, and which applications used each. */
export function MyMaterials() {
  const [{ data: kinds }] = useQuery({ query: MaterialKindsDocument });
  // Bumped after each upload: the list is read afresh.
  const [version, setVersion] = useState(0);
  const [upload, setUpload] = useState<UploadState>({ kind: 'idle' });
  const [kind, setKind] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const kindId = useId();
  const fileId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file || !kind) return;
    setUpload({ kind: 'sending' });
    try {
      const material = await uploadMaterial(file, kind);
      setUpload({
        kind: 'done',
        text: material.created
          ? `已上传“${material.fileName ?? file.name}”（${formatBytes(material.size)}）。以后办事可直接使用，无需重复提交。`
          : `这份文件之前已提交过，无需重复上传（${material.fileName ?? file.name}）。`,
      });
      if (fileInput.current) fileInput.current.value = '';
      setVersion((v) => v + 1);
    } catch (problem) {
      setUpload({ kind: 'failed', text: (problem as Error).message });
    }
  }

  return (
    <>
      <h2>上传材料</h2>
      <p>PDF、JPEG、PNG 或 OFD 文件，不超过 10 MB。同一份材料只需提交一次，各部门办事时直接调用。</p>
      <form className="stack upload" onSubmit={onSubmit}>
        <label htmlFor={kindId}>材料类型</label>
        <select id={kindId} value={kind} onChange={(event) => setKind(event.target.value)} required>
          <option value="">请选择</option>
          {(kinds?.materialKinds ?? []).map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
        <label htmlFor={fileId}>文件</label>
        <input
          id={fileId}
          ref={fileInput}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,.ofd,application/pdf,image/jpeg,image/png"
          required
        />
        <div>
          <button type="submit" disabled={upload.kind === 'sending'}>
            {upload.kind === 'sending' ? '正在上传……' : '上传'}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {upload.kind === 'done' && <p className="notice good">{upload.text}</p>}
      </div>
      {upload.kind === 'failed' && (
        <p className="notice error" role="alert">
          上传失败：{upload.text}
        </p>
      )}
      <MaterialList version={version} />
    </>
  );
}

/** The materials on file, newest first, a page at a time, with the applications that used each. */
function MaterialList({ version }: { version: number }) {
  const client = useClient();
  const [rows, setRows] = useState<Material[]>([]);
  const [page, setPage] = useState<{ totalCount: number; hasNextPage: boolean; endCursor: string | null } | null>(null);
  const [fetching, setFetching] = useState(true);
  const [error, setError] = useState<CombinedError | string | null>(null);
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);

  async function load(after: string | null, live: () => boolean = () => true) {
    setFetching(true);
    const result = await client
      .query(MyMaterialsDocument, { first: PAGE, after }, { requestPolicy: 'network-only' })
      .toPromise();
    if (!live()) return;
    const materials = result.data?.me?.materials;
    setFetching(false);
    setError(result.error ?? (materials ? null : '没有找到您的记录。'));
    if (!materials) return;
    const nodes = materials.edges.map((edge) => edge.node);
    setRows((previous) => (after ? [...previous, ...nodes] : nodes));
    setPage({
      totalCount: materials.totalCount,
      ...materials.pageInfo,
      endCursor: materials.pageInfo.endCursor ?? null,
    });
  }

  useEffect(() => {
    let live = true;
    void load(null, () => live);
    return () => {
      live = false;
    };
    // load reads only the client, which never changes
  }, [version]);

  return (
    <>
      <h2>已提交的材料</h2>
      {fetching && !page && <Loading what="材料" />}
      {error && <ErrorNotice error={error} what="读取材料" />}
      {downloadProblem && (
        <p className="notice error" role="alert">
          下载失败：{downloadProblem}
        </p>
      )}
      {page && rows.length === 0 && <p>还没有提交过材料。</p>}
      {page && rows.length > 0 && (
        <div className="table-wrap">
          <table className="phone-cards">
            <caption>
              共 {page.totalCount} 份，最新的在前；已显示 {rows.length} 份
            </caption>
            <thead>
              <tr>
                <th scope="col">材料</th>
                <th scope="col">提交</th>
                <th scope="col">用于哪些办件</th>
                <th scope="col">文件</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((node) => (
                <tr key={node.id}>
                  <td data-label="材料">
                    <strong>{node.kind?.name ?? '材料'}</strong>
                    <br />
                    {node.fileName ?? '（未命名）'} · {formatBytes(node.size)}
                  </td>
                  <td data-label="提交">
                    {formatDateTime(node.uploadedAt)}
                    <br />
                    {node.uploadedBy?.role === 'citizen'
                      ? '本人上传'
                      : `${label(DEPARTMENTS, node.uploadedBy?.department)} ${node.uploadedBy?.sub ?? ''} 代为上传`}
                  </td>
                  <td data-label="用于哪些办件">
                    {node.uses && node.uses.length > 0 ? (
                      <ul className="plain">
                        {node.uses.map((use) => (
                          <li key={`${use.reference}-${use.usedAt}`}>
                            {use.service?.name ?? '办件'}（办件编号 <span className="mono">{use.reference}</span>），
                            {label(DEPARTMENTS, use.usedBy.department)} {use.usedBy.sub}，{formatDateTime(use.usedAt)}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      '尚未被办件使用'
                    )}
                  </td>
                  <td data-label="文件">
                    {node.downloadPath && (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`下载 ${node.fileName ?? node.kind?.name ?? '材料'}`}
                        onClick={() => {
                          setDownloadProblem(null);
                          downloadMaterial(node.downloadPath!, node.fileName ?? `${node.id}`).catch((problem: Error) =>
                            setDownloadProblem(problem.message),
                          );
                        }}
                      >
                        下载
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page?.hasNextPage && (
        <p>
          <button type="button" className="secondary" disabled={fetching} onClick={() => void load(page.endCursor)}>
            显示更早的材料
          </button>
        </p>
      )}
    </>
  );
}
