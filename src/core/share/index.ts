/** The share codec: a setup <-> a versioned, schema-checked document, as a link fragment or a session file. */
export type { SharedColumn, SharedColumnConfig, SharedMarks, SharedPaste, SharedQuerySet, SharedRun, SharedSettings, SharedSetup, ShareSource } from './types';
export type { ShareError, ShareFailure } from './failures';
export type { DeflateRawCodec } from './compression';
export { messageOf } from './failures';
export { APP_MARKER, DOCUMENT_VERSION } from './schemaV1';
export { decodeShareParam, encodeShareParam, hashWithoutShareParam, LINK_FORMAT, LINK_PARAM, LONG_LINK_CHARS, MAX_UNPACKED_BYTES, shareParamOf } from './link';
export { checkSessionFileSize, MAX_SESSION_FILE_BYTES, readSessionFile, SESSION_FILE_SUFFIX, sessionFileName, writeSessionFile } from './sessionFile';
export { sameSetup } from './compare';
export { backupSavedAt, readBackup, writeBackup, type Backup } from './backup';
export { describeSetup } from './summary';
