import { useEffect, useState } from 'react';
import { createFeedbackSounds, type FeedbackSounds } from '../../scanner/feedback-sounds';

/** One set of WebAudio tones for the page, closed when it goes. */
export function useFeedbackSounds(): FeedbackSounds {
  const [sounds] = useState(() => createFeedbackSounds());
  useEffect(() => () => sounds.dispose(), [sounds]);
  return sounds;
}
