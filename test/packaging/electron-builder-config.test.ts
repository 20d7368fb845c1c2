import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
const config = parse(readFileSync('electron-builder.yml', 'utf8'));

describe('electron-builder.yml', () => {
  it("validates against electron-builder's own configuration schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a misspelt key (the schema check can fail)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    expect(ajv.compile(schema)({ ...config, appIdd: 'x' })).toBe(false);
  });

  it('builds AppImage and deb, NSIS and dmg with the app icon', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const os of ['linux', 'win', 'mac']) expect(existsSync(config[os].icon)).toBe(true);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableCookieEncryption: true, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
  });

  it('ships the bundled sample corpus with its manifest', () => {
    const corpus = config.extraResources.find((r: { to: string }) => r.to === 'corpus');
    expect(corpus.from).toBe('assets/corpus');
    expect(existsSync('assets/corpus/manifest.csv')).toBe(true);
  });
});
