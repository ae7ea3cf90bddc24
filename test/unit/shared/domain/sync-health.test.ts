import { describe, expect, it } from 'vitest';
import { withAttention } from '../../../../shared/domain/sync-health';

describe('sync health', () => {
  it('turns an idle engine with refused devices into needs-attention, and leaves everything else alone', () => {
    expect(withAttention({ state: 'idle', message: 'All uploads settled.', attentionDevices: 6 })).toEqual({ state: 'needs-attention', message: 'Uploads finished, but 6 devices need a person: Partner Center refused them.', attentionDevices: 6 });
    expect(withAttention({ state: 'idle', message: 'All uploads settled.', attentionDevices: 0 })).toMatchObject({ state: 'idle' });
    // While uploads run the engine's own state says more; attention shows beside it.
    expect(withAttention({ state: 'working', message: 'Uploading: 3 devices waiting.', attentionDevices: 2 })).toMatchObject({ state: 'working' });
  });
});
