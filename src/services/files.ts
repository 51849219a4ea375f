/** File checks shared by the import use cases. */
import { access, constants } from 'node:fs/promises';

/** True when `file` exists and this process may read it. */
export async function fileReadable(file: string): Promise<boolean> {
  try {
    await access(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
