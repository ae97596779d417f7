import { loadSeed } from './src/graph/load-seed';
import { ask } from './src/graph/ask/ask';
const g = await loadSeed('./seed');
const qs = process.argv.slice(2);
for (const q of qs) {
  const t = performance.now();
  const a = ask(g, q);
  const ms = (performance.now() - t).toFixed(2);
  console.log(`[${ms}ms] ${q}\n   ${a.intent} (${a.questionLang}, ${a.confidence}${a.notStated ? ', NOT STATED' : ''}) units=${a.units.map(u=>u.key).join(',')} ${a.count!==undefined?'count='+a.count:''} ${a.date?'date='+a.date.value:''} events=${a.events.map(e=>e.key).join(',')}\n   ${a.text[a.lang]}\n   note: ${a.note?.[a.lang] ?? ''}\n   interp: ${a.interpretations.map(i=>i.intent+':'+i.units.map(u=>u.key).join('+')).join(' | ')}`);
}
