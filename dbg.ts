import { languages } from './src/graph/ask/language';
import { matchNodes } from './src/graph/ask/pattern';
import { wordsOf } from './src/graph/search/analyze';
const w = wordsOf(process.argv[2]!);
for (const l of languages().values()) for (const p of l.patterns) for (const m of matchNodes(p.nodes, w)) if (m.words>0) console.log(l.code, p.intent, p.source, m.words, m.quality.toFixed(2), JSON.stringify(m.slots.map(s=>[s.name, w.slice(s.start,s.end).map(x=>x.folded).join(' ')])));
