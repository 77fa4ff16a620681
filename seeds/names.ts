import { type Random, weightedTable } from './random';

/**
 * Chinese personal names: a surname drawn with realistic frequencies, and a given name of one or
 * two characters whose characters depend on gender and on the decade of birth, so that a
 * grandmother is 秀英 or 桂兰 and her granddaughter 梓涵 or 欣怡.
 */

export type Gender = 'MALE' | 'FEMALE';

/**
 * About a hundred common surnames with their approximate share of the population in percent
 * (national figures, rounded), and a few compound surnames that are rare but recognisable.
 */
const SURNAMES: [string, number][] = [
  ['王', 7.12],
  ['李', 7.0],
  ['张', 6.74],
  ['刘', 5.1],
  ['陈', 4.61],
  ['杨', 3.22],
  ['黄', 2.45],
  ['赵', 2.19],
  ['吴', 2.0],
  ['周', 1.95],
  ['徐', 1.45],
  ['孙', 1.38],
  ['马', 1.29],
  ['朱', 1.28],
  ['胡', 1.16],
  ['郭', 1.13],
  ['何', 1.06],
  ['林', 1.02],
  ['高', 1.0],
  ['罗', 0.95],
  ['郑', 0.93],
  ['梁', 0.86],
  ['谢', 0.76],
  ['宋', 0.7],
  ['唐', 0.68],
  ['许', 0.66],
  ['韩', 0.64],
  ['邓', 0.62],
  ['冯', 0.61],
  ['曹', 0.6],
  ['彭', 0.58],
  ['曾', 0.57],
  ['肖', 0.56],
  ['田', 0.53],
  ['董', 0.52],
  ['潘', 0.5],
  ['袁', 0.5],
  ['蔡', 0.48],
  ['蒋', 0.48],
  ['余', 0.47],
  ['于', 0.46],
  ['杜', 0.45],
  ['叶', 0.44],
  ['程', 0.43],
  ['魏', 0.42],
  ['苏', 0.41],
  ['吕', 0.4],
  ['丁', 0.39],
  ['任', 0.38],
  ['卢', 0.37],
  ['姚', 0.36],
  ['沈', 0.36],
  ['钟', 0.35],
  ['姜', 0.35],
  ['崔', 0.34],
  ['谭', 0.34],
  ['陆', 0.33],
  ['范', 0.32],
  ['汪', 0.32],
  ['廖', 0.31],
  ['石', 0.31],
  ['金', 0.3],
  ['韦', 0.3],
  ['贾', 0.29],
  ['夏', 0.29],
  ['付', 0.28],
  ['方', 0.28],
  ['邹', 0.27],
  ['熊', 0.27],
  ['白', 0.26],
  ['孟', 0.26],
  ['秦', 0.25],
  ['邱', 0.25],
  ['侯', 0.24],
  ['江', 0.24],
  ['尹', 0.23],
  ['薛', 0.23],
  ['闫', 0.22],
  ['段', 0.22],
  ['雷', 0.22],
  ['龙', 0.21],
  ['黎', 0.21],
  ['史', 0.2],
  ['陶', 0.2],
  ['贺', 0.2],
  ['毛', 0.19],
  ['郝', 0.19],
  ['顾', 0.18],
  ['龚', 0.18],
  ['邵', 0.17],
  ['万', 0.17],
  ['覃', 0.16],
  ['武', 0.16],
  ['钱', 0.16],
  ['戴', 0.15],
  ['严', 0.15],
  ['莫', 0.14],
  ['孔', 0.14],
  ['向', 0.14],
  ['常', 0.13],
  ['汤', 0.13],
  ['税', 0.05],
  ['敬', 0.04],
  ['欧阳', 0.02],
  ['上官', 0.004],
  ['司马', 0.005],
  ['诸葛', 0.003],
];

const SURNAME_TABLE = weightedTable(SURNAMES);

/** Characters for given names (all in the Basic Multilingual Plane, so one UTF-16 unit each). */
interface CharacterPools {
  first: string;
  second: string;
  single: string;
  /** Share of one-character given names in that generation. */
  singleShare: number;
}

type Era = 'elder' | 'middle' | 'young';

const POOLS: Record<Era, Record<Gender, CharacterPools>> = {
  // Born before 1965: names of the founding decades and the collectives.
  elder: {
    MALE: {
      first: '建国志德永长世文光明正金树玉福学振家兴宝',
      second: '国华明军民成林富贵生祥福才荣清忠山中海发全昌',
      single: '军华明强林平斌刚勇忠',
      singleShare: 0.25,
    },
    FEMALE: {
      first: '秀桂淑玉凤素美丽翠金月春兰琼惠德文明小',
      second: '英兰珍芳华芬琴梅清凤霞云莲荣蓉香娥仙',
      single: '英兰芳珍华琴梅霞蓉敏',
      singleShare: 0.25,
    },
  },
  // 1965-1989: the decades when one-character names were most common.
  middle: {
    MALE: {
      first: '志建小晓海俊文伟永家云东国大明德立红新春',
      second: '伟强磊军勇杰涛斌超明刚平辉鹏华飞波峰亮锋兵松宏林',
      single: '伟强磊军勇杰涛斌超明刚平辉鹏波峰亮兵',
      singleShare: 0.3,
    },
    FEMALE: {
      first: '小晓丽秀春海雪红文玉婷美艳静慧佳燕俊亚晶',
      second: '芳娜敏静丽艳娟霞燕玲丹萍红琳雪婷倩颖洁琴梅莉华英',
      single: '芳娜敏静丽艳娟霞燕玲丹萍琳雪婷倩颖洁',
      singleShare: 0.3,
    },
  },
  // 1990 and later: two-character names from a more literary vocabulary.
  young: {
    MALE: {
      first: '子浩宇俊博梓思嘉一皓奕睿泽天铭明晨家承俊',
      second: '轩然宇豪杰涛辰阳睿泽航昊博铭熙鑫霖晨楠凯诚锐哲烨',
      single: '浩宇轩睿泽航昊博铭哲',
      singleShare: 0.08,
    },
    FEMALE: {
      first: '子梓欣雨诗思佳一可语若紫嘉梦心静雅依晓芷',
      second: '涵怡萱琪彤琳悦妍瑶然雯婷馨璐菲晴宁茜蕾楠',
      single: '涵怡萱琪彤琳悦妍瑶雯婷馨',
      singleShare: 0.08,
    },
  },
};

function eraOf(birthYear: number): Era {
  if (birthYear < 1965) return 'elder';
  return birthYear < 1990 ? 'middle' : 'young';
}

/** A surname drawn with realistic frequencies. */
export function pickSurname(rng: Random): string {
  return rng.weighted(SURNAME_TABLE);
}

/** A given name of one or two characters, typical for the gender and the year of birth. */
export function pickGivenName(rng: Random, gender: Gender, birthYear: number): string {
  const era = eraOf(birthYear);
  const pools = POOLS[era][gender];
  if (rng.chance(pools.singleShare)) return rng.string(pools.single, 1);
  // Reduplicated girls' names (婷婷, 丹丹) were popular from the 1980s on.
  if (gender === 'FEMALE' && era !== 'elder' && rng.chance(0.03)) {
    const character = rng.string(pools.single, 1);
    return character + character;
  }
  const first = rng.string(pools.first, 1);
  let second = rng.string(pools.second, 1);
  while (second === first) second = rng.string(pools.second, 1);
  return first + second;
}

/** A full name (surname then given name). */
export function personName(rng: Random, surname: string, gender: Gender, birthYear: number): string {
  return surname + pickGivenName(rng, gender, birthYear);
}

/** Words of Tibetan personal names; a name is two of them and has no surname. */
const TIBETAN_WORDS: Record<Gender, string[]> = {
  MALE: ['扎西', '多吉', '次仁', '丹增', '尼玛', '达瓦', '格桑', '平措', '洛桑', '顿珠', '强巴', '旺堆'],
  FEMALE: ['卓玛', '拉姆', '央金', '德吉', '曲珍', '次仁', '白玛', '梅朵', '格桑', '尼玛', '达珍', '巴桑'],
};

/** A Tibetan name such as 扎西多吉 or 次仁卓玛 (two distinct name words, no surname). */
export function tibetanName(rng: Random, gender: Gender): string {
  const words = TIBETAN_WORDS[gender];
  const first = rng.pick(words);
  let second = rng.pick(words);
  while (second === first) second = rng.pick(words);
  return first + second;
}
