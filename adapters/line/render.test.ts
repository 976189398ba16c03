import { describe, expect, it } from 'vitest';
import type { CardReply } from '../../src/core/replies.js';
import { renderReplies } from './render.js';

// Introduced people arrive as one swipeable carousel; other cards stay single bubbles.

const profile = (letter: string): CardReply => ({
  type: 'card', kind: 'candidate_profile', title: `候補${letter}　元品質保証課長`,
  sections: [{ heading: '強み', lines: ['品質管理・品質保証・ISO'] }],
  actions: [{ label: '話を聞いてみたい', value: `話を聞いてみたい［候補${letter}］` }, { label: '見送る', value: `見送る［候補${letter}］` }],
});

describe('LINE rendering of introductions', () => {
  it('puts consecutive candidate profiles in one carousel after the text', () => {
    const out = renderReplies([{ type: 'text', text: 'ご紹介します' }, profile('A'), profile('B'), profile('C')]);
    expect(out).toHaveLength(2);
    const flex = out[1] as { type: string; contents: { type: string; contents: { footer: { contents: { action: { text: string } }[] } }[] } };
    expect(flex.contents.type).toBe('carousel');
    expect(flex.contents.contents).toHaveLength(3);
    expect(flex.contents.contents[1]!.footer.contents[0]!.action.text).toBe('話を聞いてみたい［候補B］');
  });

  it('keeps a single profile as a bubble', () => {
    const out = renderReplies([profile('A')]) as { contents: { type: string } }[];
    expect(out[0]!.contents.type).toBe('bubble');
  });
});
