/** A demo citizen offered by a development hub's `/app/config.json`. */
export interface DemoCitizen {
  nationalId: string;
  nameTh: string;
  provinceCode: string;
  provinceNameTh: string;
  provinceNameEn: string;
}

/** A development hub mints a short-lived citizen:self token for a demo citizen (POST /dev/tokens). */
export async function demoToken(nationalId: string): Promise<string> {
  const response = await fetch('/dev/tokens', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nationalId }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; errors?: { message: string }[] };
  if (!response.ok || !body.token) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body.token;
}
