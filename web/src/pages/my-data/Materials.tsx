import { useId, useRef, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { ErrorNotice, Loading } from '../../components/Notice';
import { DEPARTMENTS, formatBytes, formatDateTime, label } from '../../format';
import { MaterialKindsDocument, MyMaterialsDocument } from '../../gql/graphql';
import { downloadMaterial, uploadMaterial } from '../../materials';

type UploadState =
  { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/** Materials submitted once: upload, download, and which applications used each. */
export function MyMaterials() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyMaterialsDocument, variables: { first: 50 } });
  const [{ data: kinds }] = useQuery({ query: MaterialKindsDocument });
  const [upload, setUpload] = useState<UploadState>({ kind: 'idle' });
  const [kind, setKind] = useState('');
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null);
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
      refetch({ requestPolicy: 'network-only' });
    } catch (problem) {
      setUpload({ kind: 'failed', text: (problem as Error).message });
    }
  }

  const materials = data?.me?.materials;
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
      <h2>已提交的材料</h2>
      {fetching && !materials && <Loading what="材料" />}
      {error && <ErrorNotice error={error} what="读取材料" />}
      {downloadProblem && (
        <p className="notice error" role="alert">
          下载失败：{downloadProblem}
        </p>
      )}
      {materials && materials.edges.length === 0 && <p>还没有提交过材料。</p>}
      {materials && materials.edges.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>共 {materials.totalCount} 份，最新的在前</caption>
            <thead>
              <tr>
                <th scope="col">材料</th>
                <th scope="col">提交</th>
                <th scope="col">用于哪些办件</th>
                <th scope="col">文件</th>
              </tr>
            </thead>
            <tbody>
              {materials.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <strong>{node.kind?.name ?? '材料'}</strong>
                    <br />
                    {node.fileName ?? '（未命名）'} · {formatBytes(node.size)}
                  </td>
                  <td>
                    {formatDateTime(node.uploadedAt)}
                    <br />
                    {node.uploadedBy?.role === 'citizen'
                      ? '本人上传'
                      : `${label(DEPARTMENTS, node.uploadedBy?.department)} ${node.uploadedBy?.sub ?? ''} 代为上传`}
                  </td>
                  <td>
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
                  <td>
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
    </>
  );
}
