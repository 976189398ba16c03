// The owner conversation the benchmarks replay, and how they print a distribution.

export const CONVERSATION = [
  'こんにちは、川口で電子部品のめっき加工をやってます。社員は28人です',
  '取引先からISO9001を取ってくれと言われてて困ってます',
  '品質のデータとかちゃんと取れてなくて、不良の原因もはっきりしない',
  '社内に品質管理をわかる人間がいないんです',
  '10年後も取引先に選ばれる会社でいたい',
  '株式会社川口メッキ',
  '1',
  'この内容でOK',
  '外部の専門人材に来てもらう',
  'フルタイムで雇う余裕はないので週1か2日くらいで、副業の人がいい',
  'はい、大丈夫',
  '費用は月15万くらいまでなら出せます',
  '1年',
  'できれば大手で品質保証やってたような人に来てほしい',
  'なし',
  '地域で50年の実績があります',
  'やっぱり週2日で',
  'この内容でOK',
];

export function stats(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  console.log(`${label.padEnd(44)} n=${String(samples.length).padStart(5)}  p50=${at(0.5).toFixed(2)} ms  p95=${at(0.95).toFixed(2)} ms  max=${at(1).toFixed(2)} ms  mean=${mean.toFixed(2)} ms`);
}
