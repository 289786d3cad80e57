/** The side panel's settings: defaults, then the user's values, kept up to date when they change. */

import { ISettingRegistry } from '@jupyterlab/settingregistry';

import { ISettings, PLUGIN_ID } from '../tokens';

export const DEFAULT_SETTINGS: ISettings = {
  defaultList: 'default',
  insertFormat: 'markdown',
  pollInterval: 1000
};

/**
 * The plugin's settings. The returned object is updated in place when the user changes them
 * (read at use time: `insertFormat`); without a registry, or if loading fails, the defaults.
 */
export async function loadSettings(
  settingRegistry: ISettingRegistry | null
): Promise<ISettings> {
  const settings: ISettings = { ...DEFAULT_SETTINGS };
  if (!settingRegistry) {
    return settings;
  }
  try {
    const loaded = await settingRegistry.load(PLUGIN_ID);
    const read = () =>
      Object.assign(settings, loaded.composite as Partial<ISettings>);
    read();
    loaded.changed.connect(read);
  } catch (error) {
    console.warn('paperlab: could not load settings', error);
  }
  return settings;
}
