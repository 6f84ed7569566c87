import type { Settings, SettingsPatch } from '../../../preload/contract/settings-schema.ts';
import { applySettingsPatch, saveSettings } from './config-file.ts';

/** Holds the current settings in memory and writes every change through to config.json. */
export class SettingsService {
  #current: Settings;
  readonly #dataDirectory: string;

  constructor(dataDirectory: string, initial: Settings) {
    this.#dataDirectory = dataDirectory;
    this.#current = initial;
  }

  get current(): Settings {
    return this.#current;
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const next = applySettingsPatch(this.#current, patch);
    await saveSettings(this.#dataDirectory, next);
    this.#current = next;
    return next;
  }
}
