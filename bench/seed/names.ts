import type { Rng } from './prng';

/**
 * Fictional personal names in many scripts, put together from small lists of syllables (and, for
 * scripts where names are a closed set of characters, of single characters), so that no generated
 * name is taken from a list of real people. Each script knows its own name order; the client list
 * and search must cope with all of them (accents, letters Unicode does not decompose, right-to-left
 * text, CJK without spaces).
 */
export interface PersonName {
  script: ScriptId;
  given: string;
  family: string;
  /** As the legal-name field would hold it, in the script's own order. */
  full: string;
  /** An everyday Latin-letter name some clients go by, or '' (used as the preferred name). */
  latinAlias: string;
}

export type ScriptId =
  | 'latin-nordic'
  | 'latin-slavic'
  | 'latin-vietnamese'
  | 'latin-romance'
  | 'latin-turkish'
  | 'latin-germanic'
  | 'latin-west-african'
  | 'latin-plain'
  | 'cyrillic'
  | 'greek'
  | 'arabic'
  | 'hebrew'
  | 'devanagari'
  | 'chinese'
  | 'japanese'
  | 'korean'
  | 'thai'
  | 'georgian'
  | 'armenian'
  | 'ethiopic';

interface ScriptRules {
  id: ScriptId;
  /** Share of a practice's clients, roughly. */
  weight: number;
  given: (rng: Rng) => string;
  family: (rng: Rng) => string;
  /** Family name first (East Asian and Vietnamese order), and whether the parts are written without a space. */
  familyFirst?: boolean;
  joined?: boolean;
  /** Vietnamese names have a middle name between family and given. */
  middle?: (rng: Rng) => string;
}

const join2 = (starts: readonly string[], ends: readonly string[]) => (rng: Rng) => `${rng.pick(starts)}${rng.pick(ends)}`;
const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase('en') + text.slice(1);
/** Latin names are capitalised; the other scripts' syllables are written as they are (Georgian has no capitals in names). */
const cased = (rules: ScriptRules, text: string) => (rules.id.startsWith('latin-') ? capitalised(text) : text);

const SCRIPTS: readonly ScriptRules[] = [
  {
    id: 'latin-nordic',
    weight: 7,
    given: join2(['Ås', 'Bjø', 'Ei', 'Frø', 'Hå', 'Ing', 'Kjæ', 'Liv', 'Må', 'Sig', 'Tor', 'Øy', 'Ul', 'Sol'], ['rid', 'vald', 'ne', 'dis', 'gunn', 'mar', 'stein', 'hild', 'lene', 'veig']),
    family: join2(['Ødeg', 'Haug', 'Bråt', 'Lie', 'Sæt', 'Kvå', 'Fjæ', 'Strø', 'Dahl', 'Bø'], ['aard', 'stad', 'vik', 'rud', 'heim', 'land', 'berg', 'nes']),
  },
  {
    id: 'latin-slavic',
    weight: 6,
    given: join2(['Ło', 'Bře', 'Ja', 'Wi', 'Mi', 'Ště', 'Zo', 'Ra', 'Ču', 'Dra', 'Ag', 'Kry'], ['sława', 'mír', 'ška', 'dek', 'lena', 'rek', 'nia', 'styna', 'goš', 'ěna']),
    family: join2(['Kowa', 'Dvo', 'Nová', 'Łuk', 'Wró', 'Krej', 'Ždá', 'Šim', 'Zieliń', 'Hra'], ['lczyk', 'řák', 'ček', 'ski', 'ková', 'szewska', 'bel', 'ńska']),
  },
  {
    id: 'latin-vietnamese',
    weight: 5,
    familyFirst: true,
    family: (rng) => rng.pick(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Vũ', 'Bùi', 'Đỗ', 'Huỳnh']),
    middle: (rng) => rng.pick(['Thị', 'Văn', 'Minh', 'Ngọc', 'Đức', 'Thu', 'Quang', 'Bảo']),
    given: (rng) => rng.pick(['Khai', 'Thảo', 'Khải', 'Lan', 'Tuấn', 'Hương', 'Quỳnh', 'Việt', 'Hạnh', 'Phúc', 'Nhung', 'Đạt', 'Yến', 'Sơn']),
  },
  {
    id: 'latin-romance',
    weight: 9,
    given: join2(['Ma', 'Lu', 'Ré', 'Jo', 'Sé', 'Va', 'Ca', 'Té', 'Ni', 'Ro', 'Zo', 'Èl'], ['lène', 'ciano', 'mi', 'ão', 'bastián', 'ês', 'lério', 'mila', 'resa', 'ë', 'ía', 'noé']),
    family: join2(['Gar', 'Fer', 'Mon', 'Bel', 'Del', 'Ló', 'Al', 'Sant', 'Rou', 'Cas'], ['cía', 'nández', 'tés', 'vaux', 'pez', 'çada', 'meida', 'rière', 'iago', 'tellón']),
  },
  {
    id: 'latin-turkish',
    weight: 4,
    given: join2(['Ay', 'Gül', 'Öz', 'Şe', 'Ça', 'Ye', 'Ba', 'İl', 'Ço', 'Dü'], ['şe', 'can', 'lem', 'rin', 'ğız', 'kan', 'naz', 'ğan', 'ya']),
    family: join2(['Yıl', 'Çe', 'Öz', 'Kara', 'Ak', 'Şa', 'Er', 'Gün', 'Doğ'], ['dız', 'lik', 'türk', 'han', 'soy', 'doğan', 'kaya', 'er']),
  },
  {
    id: 'latin-germanic',
    weight: 6,
    given: join2(['Jür', 'Bär', 'Lö', 'Grö', 'Mü', 'Hei', 'Frie', 'Ul', 'Wal', 'Len'], ['gen', 'bel', 'na', 'trud', 'ke', 'ner', 'da', 'rike', 'ja', 'ther']),
    family: join2(['Schrö', 'Mül', 'Wei', 'Kö', 'Hoff', 'Groß', 'Bräu', 'Fuß', 'Lang'], ['der', 'ler', 'ßmann', 'nig', 'ner', 'hauser', 'eck', 'ert']),
  },
  {
    id: 'latin-west-african',
    weight: 5,
    given: join2(['Ama', 'Kwa', 'Ade', 'Chi', 'Yaa', 'Ngo', 'Folá', 'Ọlá', 'Efu', 'Kof'], ['me', 'ku', 'ọla', 'nma', 'wa', 'si', 'dé', 'mi', 'a']),
    family: join2(['Men', 'Boa', 'Ok', 'Ade', 'Owu', 'Nwo', 'Asan', 'Ọlá', 'Dar'], ['sah', 'teng', 'afor', 'yemi', 'su', 'ko', 'te', 'wale', 'ko']),
  },
  {
    id: 'latin-plain',
    weight: 14,
    given: join2(['Mar', 'Jen', 'Car', 'Ben', 'Sal', 'Ros', 'Tam', 'Lin', 'Dar', 'El', 'Har', 'Ken', 'Mil', 'Ad'], ['a', 'ny', 'lo', 'net', 'ly', 'ie', 'ver', 'den', 'ra', 'win', 'son', 'lie']),
    family: join2(['Ash', 'Brook', 'Cald', 'Dun', 'Fair', 'Hol', 'Kirk', 'Mar', 'Pem', 'Thorn', 'Wren', 'Ox'], ['by', 'well', 'ford', 'more', 'ton', 'ley', 'field', 'wick', 'bury', 'shaw']),
  },
  {
    id: 'cyrillic',
    weight: 7,
    given: join2(['Ми', 'Ва', 'Ле', 'Ан', 'Ка', 'Оль', 'Бо', 'Свя', 'Яро', 'Зла', 'Ти', 'Да'], ['ла', 'рия', 'ся', 'на', 'дан', 'слав', 'тина', 'рис', 'мур', 'рья']),
    family: join2(['Ива', 'Пет', 'Соко', 'Коваль', 'Мельн', 'Бел', 'Гри', 'Зай', 'Шев', 'Жу'], ['нова', 'ренко', 'лов', 'чук', 'ова', 'ев', 'цев', 'ченко', 'кова']),
  },
  {
    id: 'greek',
    weight: 3,
    given: join2(['Ελ', 'Νι', 'Αγ', 'Δη', 'Σο', 'Κα', 'Θε', 'Μα', 'Γι', 'Φω'], ['ένη', 'κος', 'λαΐα', 'μήτρης', 'φία', 'τερίνα', 'όδωρος', 'ρίνα', 'άννης', 'τεινή']),
    family: join2(['Παπα', 'Καρα', 'Γεωρ', 'Αλε', 'Μαυρ', 'Οικο', 'Βλα', 'Σταυ'], ['δόπουλος', 'μανλής', 'γίου', 'ξίου', 'ίδης', 'νόμου', 'χάκη', 'ράκη']),
  },
  {
    id: 'arabic',
    weight: 6,
    given: (rng) => rng.pick(['محمد', 'أحمد', 'فاطمة', 'ليلى', 'يوسف', 'نور', 'سلمى', 'خالد', 'مريم', 'عمر', 'زينب', 'حسن', 'رنا', 'سامي']),
    family: (rng) => `ال${rng.pick(['أحمد', 'حسيني', 'خطيب', 'نجار', 'شامي', 'زين', 'سعدي', 'قاسم', 'رفاعي', 'حداد', 'عطار', 'منصوري'])}`,
  },
  {
    id: 'hebrew',
    weight: 2,
    given: (rng) => rng.pick(['נועה', 'אביגיל', 'תמר', 'יהונתן', 'רות', 'שירה', 'דניאל', 'מיכל', 'איתן', 'יעל', 'עומר', 'הדס']),
    family: join2(['כה', 'ברק', 'אבר', 'פרי', 'שמ', 'גול', 'רוז', 'לנד'], ['ן', 'מוביץ', 'דמן', 'עוני', 'אי', 'ברג', 'אור']),
  },
  {
    id: 'devanagari',
    weight: 5,
    given: join2(['प्रि', 'अन', 'रा', 'सु', 'वि', 'मी', 'दी', 'आ', 'नि', 'के'], ['या', 'ज', 'धा', 'नीता', 'क्रम', 'रा', 'पक', 'शा', 'खिल', 'तन']),
    family: join2(['श', 'व', 'मे', 'जो', 'कु', 'दे', 'पा', 'रा'], ['र्मा', 'हता', 'शी', 'लकर्णी', 'साई', 'टील', 'ठौर', 'णे']),
  },
  {
    id: 'chinese',
    weight: 5,
    familyFirst: true,
    joined: true,
    family: (rng) => rng.pick(['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '林', '郭']),
    given: (rng) => `${rng.pick(['小', '晓', '子', '欣', '嘉', '思', '雨', '俊', '文', '志'])}${rng.pick(['明', '华', '婷', '怡', '伟', '涵', '宇', '琳', '杰', '萱', '然', '峰'])}`,
  },
  {
    id: 'japanese',
    weight: 3,
    familyFirst: true,
    family: join2(['山', '田', '中', '川', '木', '村', '井', '小', '高', '松', '森', '石'], ['田', '本', '川', '村', '野', '原', '口', '崎', '島', '井']),
    given: (rng) =>
      rng.chance(0.5)
        ? `${rng.pick(['ゆ', 'あ', 'は', 'さ', 'な', 'み', 'ち', 'か'])}${rng.pick(['き', 'い', 'る', 'な', 'こ', 'お', 'り'])}${rng.pick(['こ', 'と', 'み', ''])}`
        : `${rng.pick(['健', '美', '翔', '優', '結', '陽', '大', '真'])}${rng.pick(['太', '子', '斗', '花', '人', '菜', '輝', '央'])}`,
  },
  {
    id: 'korean',
    weight: 4,
    familyFirst: true,
    joined: true,
    family: (rng) => rng.pick(['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오']),
    given: join2(['민', '서', '지', '현', '우', '준', '하', '예', '도', '수', '연', '은'], ['준', '연', '우', '서', '윤', '진', '아', '호', '빈', '희']),
  },
  {
    id: 'thai',
    weight: 3,
    given: join2(['สม', 'ศรี', 'กิตติ', 'วรรณ', 'ปิยะ', 'อรุณ', 'ชัย', 'มณี', 'นิ'], ['ชาย', 'พร', 'นันท์', 'ภา', 'ศักดิ์', 'รัตน์', 'ดา', 'วัฒน์']),
    family: join2(['แสง', 'ทอง', 'ศรี', 'วงศ์', 'สุข', 'บุญ', 'เพชร', 'จันทร์'], ['ประเสริฐ', 'สวัสดิ์', 'ทอง', 'มณี', 'เจริญ', 'วัฒนา', 'ดี', 'รักษ์']),
  },
  {
    id: 'georgian',
    weight: 1,
    given: join2(['ნი', 'თა', 'გი', 'ლე', 'ეკა', 'მა', 'სო'], ['ნო', 'მარ', 'ორგი', 'ვანი', 'ტერინე', 'ნანა', 'ფო']),
    family: join2(['ბერი', 'კა', 'ჯა', 'მე', 'გე', 'ლო'], ['ძე', 'შვილი', 'ნია', 'ლაძე', 'ავა']),
  },
  {
    id: 'armenian',
    weight: 1,
    given: join2(['Ան', 'Նա', 'Հա', 'Մա', 'Ար', 'Լի', 'Սո'], ['ի', 'րե', 'յկ', 'րիամ', 'ամ', 'լին', 'նա']),
    family: join2(['Պետ', 'Սարգս', 'Հովհ', 'Գրիգոր', 'Մկրտչ', 'Ավագ'], ['րոսյան', 'յան', 'աննիսյան', 'յան', 'ունի']),
  },
  {
    id: 'ethiopic',
    weight: 1,
    given: join2(['አበ', 'ሰላ', 'መሰ', 'ተስ', 'ሄ', 'ብር', 'ማር'], ['በ', 'ም', 'ረት', 'ፋዬ', 'ኖክ', 'ቱ', 'ታ']),
    family: join2(['ተ', 'ገብ', 'ወል', 'ደሳ', 'አለ'], ['ስፋዬ', 'ረ', 'ዴ', 'ለኝ', 'ሙ']),
  },
];

const LATIN_ALIASES = ['Sam', 'Alex', 'Jo', 'Kit', 'Max', 'Ria', 'Nico', 'Mina', 'Leo', 'Ana', 'Tom', 'Lia', 'Dani', 'Kai', 'Noor', 'Yuki', 'Jun', 'Eli'];

const scriptWeights = SCRIPTS.map((rules) => [rules, rules.weight] as const);

/** The scripts a practice's names are drawn from, for reports. */
export const SCRIPT_IDS: readonly ScriptId[] = SCRIPTS.map((rules) => rules.id);

function nameIn(rules: ScriptRules, rng: Rng): PersonName {
  const given = cased(rules, rules.given(rng));
  const family = cased(rules, rules.family(rng));
  const middle = rules.middle?.(rng);
  const parts = rules.familyFirst ? [family, ...(middle ? [middle] : []), given] : [given, family];
  const latin = rules.id.startsWith('latin-');
  return {
    script: rules.id,
    given,
    family,
    full: parts.join(rules.joined ? '' : ' '),
    latinAlias: latin ? '' : rng.pick(LATIN_ALIASES),
  };
}

/** A name in a script chosen by the practice's mix of scripts. */
export function personName(rng: Rng, script?: ScriptId): PersonName {
  const rules = script ? SCRIPTS.find((candidate) => candidate.id === script)! : rng.weighted(scriptWeights);
  return nameIn(rules, rng);
}

/** Another person's name in the same script (a relative or emergency contact). */
export const relatedName = (rng: Rng, of: PersonName, sameFamily: boolean): string => {
  const other = personName(rng, of.script);
  const rules = SCRIPTS.find((candidate) => candidate.id === of.script)!;
  const family = sameFamily ? of.family : other.family;
  const parts = rules.familyFirst ? [family, other.given] : [other.given, family];
  return parts.join(rules.joined ? '' : ' ');
};

/** A fictional proper noun (a colleague, a town, a pet) for the long tail of a note's vocabulary. */
export const fictionalWord = (rng: Rng): string =>
  capitalised(`${rng.pick(['bra', 'ten', 'vus', 'mor', 'kel', 'sav', 'ril', 'dor', 'pim', 'qua', 'zel', 'hob', 'lun', 'fen'])}${rng.pick(['an', 'ko', 'el', 'is', 'ur', 'ay', 'o', 'et', 'ine', 'and'])}${rng.pick(['', 'd', 'ton', 'ra', 'vik', 'sy', 'mer', 'li'])}`);
