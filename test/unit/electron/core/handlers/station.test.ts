// station:info carries the OS's languages the front door handed over, so the sign-in screen can speak
// the station's default before anyone signs in.
import { afterEach, describe, expect, it } from 'vitest';
import { tempStation, type TempStation } from '../../../../helpers/temp-station';

let t: TempStation | undefined;
afterEach(() => t?.cleanup());

describe('station:info', () => {
  it("answers the front door's languages as canonical tags, most preferred first", async () => {
    t = await tempStation({ systemLanguages: ['de_AT.UTF-8', 'de-AT', 'EN', 'C', 'not a tag', 'x-private'] });
    expect(await t.station.call('station:info', {})).toMatchObject({ ok: true, value: { systemLanguages: ['de-AT', 'en'] } });
  });

  it('answers no languages when the front door cannot tell (the browser host, the CLI)', async () => {
    t = await tempStation();
    expect(await t.station.call('station:info', {})).toMatchObject({ ok: true, value: { systemLanguages: [] } });
  });
});
