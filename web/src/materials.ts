import { authHeaders } from './session';

/** The gateway's material routes (POST /materials, GET /materials/{id}), for the pages. */

export interface UploadedMaterial {
  id: string;
  kind: string;
  size: number;
  fileName: string | null;
  created: boolean;
}

/** Uploads a file as a material of `kind` (an officer names the applicant with `person` and a purpose). */
export async function uploadMaterial(
  file: File,
  kind: string,
  options: { person?: string; purpose?: string } = {},
): Promise<UploadedMaterial> {
  const params = new URLSearchParams({ kind, name: file.name });
  if (options.person) params.set('person', options.person);
  const response = await fetch(`/materials?${params}`, {
    method: 'POST',
    headers: { ...authHeaders(options.purpose), 'content-type': 'application/octet-stream' },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as {
    material?: UploadedMaterial;
    errors?: { message?: string }[];
  };
  if (!response.ok || !body.material) {
    throw new Error(body.errors?.[0]?.message ?? `上传未成功（HTTP ${response.status}）`);
  }
  return body.material;
}

/** Downloads a material and hands it to the browser as a file. */
export async function downloadMaterial(path: string, fileName: string, purpose?: string): Promise<void> {
  const response = await fetch(path, { headers: authHeaders(purpose) });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[] };
    throw new Error(body.errors?.[0]?.message ?? `下载未成功（HTTP ${response.status}）`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
