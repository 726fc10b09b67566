// Access codes: the digits that open a door, a gate, an alarm or a key box ("portkod 4471",
// "Nyckelgömman vid ytterdörren har kod 4471", "the door code is 1234#"). They are secrets like
// passwords: pasted into a public AI tool they let anyone into a client's home or an office.
import { TRIGGER, type Words } from "../text";
import type { Sink } from "./types";

/** a code word and the code right after it: "portkod 4471", "larmkoden är 1234", "door code: 0815" */
const CODE_WORD = /(?<![\p{L}\d])(?:port|dörr|ytterdörrs|entré|trapphus|porttelefon|larm|grind|garage|förråds|nyckelbox|nyckelskåps|box|kodlås|lås)kod(?:en)?(?![\p{L}\d])|(?<![\p{L}\d])(?:door|gate|entry|entrance|alarm|keypad|lockbox|key ?box|key safe|garage|building entry) ?code(?![\p{L}\d])/giuy;
/** a place that holds keys or a lock, then "kod"/"code" later in the same sentence */
const CODE_PLACE = /(?<![\p{L}\d])(?:nyckel(?:gömma|gömman|box|boxen|skåp|skåpet|låda|lådan|tub|tuben|safe)|kodlås(?:et)?|porten|dörren|ytterdörren|entrén|grinden|larmet|key ?(?:box|safe)|lockbox|the (?:front )?door|the gate|the alarm)(?![\p{L}\d])[^\n.!?\d]{0,40}?(?<![\p{L}\d])(?:kod(?:en)?|code)(?![\p{L}\d])/giuy;
/** "koden till porten", "the code for the gate": the code word, then what it opens */
const CODE_FOR = /(?<![\p{L}\d])(?:kod(?:en)?|code)[ \t]{1,3}(?:till|för|på|to|for|on)[ \t]{1,3}(?:the[ \t]{1,3})?(?:front[ \t]{1,3})?(?:porten|dörren|ytterdörren|entrén|grinden|larmet|garaget|förrådet|nyckel\p{L}{2,12}|kodlåset|door|gate|alarm|garage|key ?box|key safe|lockbox|building)(?![\p{L}\d])/giuy;
/** what may stand between the code word and the code, then the code itself: 4 to 8 digits, maybe closed by # or * */
const CODE_VALUE = /[ \t]{0,3}(?:(?:till|för|på|vid|to|for|at|of)[ \t]{1,3}(?:the[ \t]{1,3})?[\p{L}\-]{1,20}[ \t]{0,3})?(?:(?:är|is|was|blir|nu|now|till|to|:|=|-)[ \t]{1,3}){0,3}(?::[ \t]{0,3})?["'“]?(\d{4,8}[#*]?)(?![\d\-/.,:]\d)(?!\d)/iuy;

/** `triggers`: triggersOf(text); most drafts say neither "kod" nor "code" */
export function detectAccessCodes(text: string, sink: Sink, words: Words, triggers: number): void {
  if (!(triggers & TRIGGER.CODE)) return;
  let from = 0;
  for (let k = 0; k < words.n; k++) {
    const s = words.s[k];
    if (s < from) continue;
    let end = -1;
    CODE_WORD.lastIndex = s;
    if (CODE_WORD.test(text)) end = CODE_WORD.lastIndex;
    else {
      CODE_PLACE.lastIndex = s;
      if (CODE_PLACE.test(text)) end = CODE_PLACE.lastIndex;
      else {
        CODE_FOR.lastIndex = s;
        if (CODE_FOR.test(text)) end = CODE_FOR.lastIndex;
      }
    }
    if (end < 0) continue;
    CODE_VALUE.lastIndex = end;
    const m = CODE_VALUE.exec(text);
    if (!m) continue;
    const vs = m.index + m[0].length - m[1].length;
    sink.add("CREDENTIAL", vs, vs + m[1].length, 0.9, "access code for a door, an alarm or a key box");
    from = vs + m[1].length;
  }
}
