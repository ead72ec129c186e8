/**
 * Keeps deck windows of a lesson at the same position over the lesson's BroadcastChannel
 * (src/widgets/channel.ts). Every move made in a window is sent as `goto` and followed by the
 * others; moves that came from another window are not sent back (no echo).
 *
 * A window that opens says `hello` (which also makes lesson-state send the widget parameters);
 * the others answer with their `position`. Only a window opened without a position of its own
 * (no hash) and not yet moved adopts that answer: a deep link stays where it points.
 */
import { onMessage, post } from '../widgets/channel.ts';
import type { DeckShape, Position } from './position.ts';
import { gotoMessage, positionFromMessage, positionMessage } from './remote.ts';
import { type Blank, blankFromMessage } from './blank.ts';

export interface DeckSync {
  /** Tell the other windows about a local move. */
  tell(position: Position): void;
  /** Tell the other windows that the screen was blanked or brought back here. */
  tellBlank(tone: Blank): void;
  disconnect(): void;
}

export function connectDeckSync(
  shape: DeckShape,
  options: { current: () => Position; moveTo: (position: Position) => void; adoptOthers: boolean; blank?: (tone: Blank) => void },
): DeckSync {
  let adopt = options.adoptOthers;
  const stop = onMessage((message) => {
    if (message.type === 'hello') {
      post(positionMessage(options.current()));
      return;
    }
    const blank = blankFromMessage(message);
    if (blank !== undefined) {
      options.blank?.(blank);
      return;
    }
    const answer = adopt ? positionFromMessage(shape, message, 'position') : null;
    const position = answer ?? positionFromMessage(shape, message, 'goto');
    if (position) options.moveTo(position);
  });
  post({ type: 'hello' });
  return {
    tell(position) {
      adopt = false;
      post(gotoMessage(position));
    },
    tellBlank(tone) {
      post({ type: 'blank', tone });
    },
    disconnect: stop,
  };
}
