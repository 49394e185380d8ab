import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('wiredesk schema', () => {
  it('prints a 2020-12 JSON Schema of the story record that compiles and names its fields', async () => {
    const { code, stdout } = await cli('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { $schema: string; properties: Record<string, unknown>; required: string[] };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const field of ['id', 'version', 'revision', 'contentHash', 'headline', 'bylines', 'dateline', 'credits', 'publishedAt']) {
      expect(schema.required).toContain(field);
    }
    const ajv = new Ajv2020.default({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate({})).toBe(false);
    const { stdout: parsed } = await cli('parse', new URL('../fixtures/nitf/ap-belarus-prisoners.xml', import.meta.url).pathname);
    for (const story of (JSON.parse(parsed) as { stories: unknown[] }).stories) expect(validate(story), JSON.stringify(validate.errors)).toBe(true);
  });
});
