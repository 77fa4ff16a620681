import { CHENGDU_DISTRICTS, type ChengduDistrictCode } from '../subgraphs/shared/domain/divisions';
import { type Random, weightedTable } from './random';

/**
 * Addresses in Chengdu: which district a household or business is in (weighted by population),
 * flats in the urban districts, villages in the outer counties, and shop or office addresses.
 */

/** Resident population per district in ten thousands (2020 census, rounded), to weight where people live. */
const DISTRICT_POPULATION: [ChengduDistrictCode, number][] = [
  ['510104', 90],
  ['510105', 96],
  ['510106', 127],
  ['510107', 121],
  ['510108', 138],
  ['510112', 135],
  ['510113', 49],
  ['510114', 156],
  ['510115', 97],
  ['510116', 147],
  ['510117', 139],
  ['510118', 36],
  ['510121', 80],
  ['510129', 52],
  ['510131', 26],
  ['510181', 71],
  ['510182', 78],
  ['510183', 60],
  ['510184', 74],
  ['510185', 112],
];

const DISTRICT_TABLE = weightedTable(DISTRICT_POPULATION);

/** Counties and county-level cities, where farming cooperatives are. */
export const RURAL_DISTRICTS: ChengduDistrictCode[] = [
  '510121',
  '510129',
  '510131',
  '510181',
  '510182',
  '510183',
  '510184',
  '510185',
  '510118',
];

/** A few well-known roads per district, mixed with generic ones so addresses look local. */
const ROADS: Record<ChengduDistrictCode, string[]> = {
  '510104': ['春熙路', '红星路二段', '东大街', '总府路', '书院西街', '静安路', '水碾河路', '牛市口路'],
  '510105': ['人民中路', '西御街', '长顺上街', '光华大道一段', '青华路', '文翁路', '草堂路', '清江东路'],
  '510106': ['一环路北三段', '金府路', '营门口路', '茶店子正街', '蜀汉路', '沙湾路', '西华大道', '交大路'],
  '510107': ['武侯祠大街', '科华北路', '玉林南路', '人民南路四段', '天府大道北段', '高升桥路', '佳灵路', '龙腾东路'],
  '510108': ['建设路', '府青路', '二环路东二段', '双林路', '杉板桥路', '万年路', '猛追湾街', '龙潭路'],
  '510112': ['驿都大道', '龙都南路', '北京路', '星光西路', '车城东路', '幸福路'],
  '510113': ['凤凰大道', '大弯南路', '华金大道', '青江路'],
  '510114': ['新都大道', '桂湖东路', '蜀龙大道', '正因路', '桂湖西路'],
  '510115': ['凤溪大道', '柳城大道', '德通桥路', '杨柳东路', '南熏大道'],
  '510116': ['棠湖东路', '双华路', '藏卫路', '白河路', '西航港大道'],
  '510117': ['望丛东路', '红光大道', '德源大道', '犀安路'],
  '510118': ['五津西路', '兴园大道', '岷江大道'],
  '510121': ['十里大道', '金广路', '迎宾大道', '赵镇正街'],
  '510129': ['潘家街', '东街', '雪山大道'],
  '510131': ['鹤山大道', '朝阳大道', '蒲砚路'],
  '510181': ['幸福大道', '蒲阳路', '奎光路', '青城山路'],
  '510182': ['南大街', '致和路', '天府西路'],
  '510183': ['长松路', '文君街', '临邛大道'],
  '510184': ['蜀州中路', '唐安西路', '永康东路'],
  '510185': ['简州大道', '政府街', '雄州大道'],
};

/** Towns of the outer districts and counties, for village addresses. */
const TOWNS: Partial<Record<ChengduDistrictCode, string[]>> = {
  '510112': ['洛带镇', '山泉镇', '同安街道'],
  '510113': ['城厢镇', '福洪镇', '姚渡镇'],
  '510114': ['石板滩街道', '新繁街道', '斑竹园街道'],
  '510115': ['万春镇', '寿安镇'],
  '510116': ['永安镇', '黄龙溪镇', '彭镇'],
  '510117': ['唐昌镇', '安德街道', '友爱镇'],
  '510118': ['花源街道', '安西镇', '永商镇'],
  '510121': ['淮口街道', '竹篙镇', '三星镇', '栖贤街道'],
  '510129': ['安仁镇', '新场镇', '王泗镇', '悦来镇'],
  '510131': ['大塘镇', '西来镇', '成佳镇', '寿安街道'],
  '510181': ['聚源镇', '天马镇', '青城山镇', '石羊镇'],
  '510182': ['丽春镇', '九尺镇', '濛阳街道', '龙门山镇'],
  '510183': ['平乐镇', '固驿街道', '羊安街道'],
  '510184': ['元通镇', '怀远镇', '三江街道'],
  '510185': ['石桥街道', '平泉街道', '养马街道'],
};

const ROAD_PREFIXES = [
  '人民',
  '建设',
  '文化',
  '和平',
  '新华',
  '光明',
  '团结',
  '幸福',
  '天府',
  '蜀都',
  '锦华',
  '桂花',
  '金沙',
  '南湖',
  '滨江',
  '学府',
  '工业',
  '体育',
  '同心',
];
const ROAD_SUFFIXES = ['路', '街', '大道', '东路', '西路', '南路', '北路', '巷'];
const VILLAGE_FIRST = '双石新和平金龙凤红永清柏花桂杨马白竹';
const VILLAGE_SECOND = '桥河林堰坝山湾井塘庙田';

/** The district name (锦江区, 金堂县, 都江堰市, ...). */
export function districtName(code: ChengduDistrictCode): string {
  return CHENGDU_DISTRICTS[code];
}

/** A Chengdu district, weighted by population. */
export function pickDistrict(rng: Random): ChengduDistrictCode {
  return rng.weighted(DISTRICT_TABLE);
}

function road(rng: Random, district: ChengduDistrictCode): string {
  if (rng.chance(0.6)) return rng.pick(ROADS[district]);
  return rng.pick(ROAD_PREFIXES) + rng.pick(ROAD_SUFFIXES);
}

function ruralShare(district: ChengduDistrictCode): number {
  if (RURAL_DISTRICTS.includes(district) && district !== '510118') return 0.45;
  return TOWNS[district] ? 0.2 : 0;
}

/** A village address (镇/街道, 村, 组, 号); in the central districts, which have no villages, a street address. */
export function villageAddress(rng: Random, district: ChengduDistrictCode): string {
  const towns = TOWNS[district];
  if (!towns) return businessAddress(rng, district, true);
  const village = rng.string(VILLAGE_FIRST, 1) + rng.string(VILLAGE_SECOND, 1);
  return `成都市${districtName(district)}${rng.pick(towns)}${village}村${rng.int(1, 12)}组${rng.int(1, 98)}号`;
}

/** A home address: a flat (号, 栋, 单元, room) in town, or a village house in the countryside. */
export function homeAddress(rng: Random, district: ChengduDistrictCode): string {
  if (rng.chance(ruralShare(district))) return villageAddress(rng, district);
  const floor = rng.int(1, 32);
  const room = String(rng.int(1, 6)).padStart(2, '0');
  return (
    `成都市${districtName(district)}${road(rng, district)}${rng.int(1, 999)}号` +
    `${rng.int(1, 12)}栋${rng.int(1, 4)}单元${floor}${room}`
  );
}

/** A business address: an office floor in a building, or a street-front shop (附N号). */
export function businessAddress(rng: Random, district: ChengduDistrictCode, shop: boolean): string {
  const street = `成都市${districtName(district)}${road(rng, district)}${rng.int(1, 1999)}号`;
  if (shop) return `${street}附${rng.int(1, 30)}号`;
  const floor = rng.int(1, 40);
  return `${street}${rng.int(1, 8)}栋${floor}楼${floor}${String(rng.int(1, 20)).padStart(2, '0')}号`;
}
