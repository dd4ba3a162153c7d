import { describe, expect, it } from 'vitest';
import { totaraSdl } from '../../../shared/graphql/fixtures/totara-schema';
import { isEmptyDiff } from '../../../shared/graphql/diff';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { diffSchemaTexts, diffSdl } from './schema-diff';

describe('diffSdl (graphql-inspector)', () => {
  it('finds nothing between equal schemas', async () => {
    expect(isEmptyDiff(await diffSdl(totaraSdl, totaraSdl))).toBe(true);
  });

  it('sorts changes into breaking, dangerous and safe', async () => {
    const after = totaraSdl
      .replace(/^\s*email: String\n/m, '')
      .replace(/PLAIN\n/, 'PLAIN\n    MARKDOWN\n')
      .replace(/(type core_user_custom_field \{\n\s*shortname: String!)/, '$1\n    label: String');
    const changes = await diffSdl(totaraSdl, after);
    expect(changes.breaking).toEqual([
      expect.objectContaining({
        message: "Field 'email' was removed from object type 'core_user'",
        path: 'core_user.email',
      }),
    ]);
    expect(changes.dangerous).toEqual([
      expect.objectContaining({
        message: "Enum value 'MARKDOWN' was added to enum 'core_format'",
        path: 'core_format.MARKDOWN',
      }),
    ]);
    expect(changes.safe).toEqual([
      expect.objectContaining({ message: "Field 'label' was added to object type 'core_user_custom_field'" }),
    ]);
  });
});

describe('diffSchemaTexts', () => {
  it('diffs a schema kept as SDL against one kept as an introspection result', async () => {
    const after = totaraSdl.replace(/^\s*email: String\n/m, '');
    const introspection = JSON.stringify(introspectionFromSchema(buildSchema(after)));
    const changes = await diffSchemaTexts({ sdl: totaraSdl }, { introspection });
    expect(changes.breaking.map((change) => change.message)).toEqual([
      "Field 'email' was removed from object type 'core_user'",
    ]);
    expect(isEmptyDiff(await diffSchemaTexts({ introspection }, { sdl: after }))).toBe(true);
  });
});
