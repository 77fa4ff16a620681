import pg from 'pg';
import { describeUrl } from '../subgraphs/shared/config';
import { CHENGDU_DISTRICTS } from '../subgraphs/shared/domain/divisions';
import { OCCUPATIONS, todayInChina } from '../subgraphs/labour-market/catalogue';

/**
 * Demo data of the labour-market registry, generated inside its database with generate_series (so
 * a million postings load in one pass): postings by the organizations the legal-person registry
 * holds, in their own district and in occupations of their industry, with titles and descriptions
 * composed from per-occupation phrases; job-seeker profiles for part of the working-age people;
 * applications; and employment records for employed people. Deterministic for the same data.
 *
 * Search grams: a posting's text is title, description and employer name joined by spaces, and
 * grams never cross a space, so its grams are the union of the three parts' grams. The seed
 * computes each distinct phrase's grams once (job_search_grams, the trigger's own function), and
 * the sorted union once per pair of employer and job that the postings use (the description
 * follows from the pair), and stores it with the row, the trigger switched off for
 * the load; a test checks the result equals what the trigger would have written, order included
 * (sorted arrays spare the GIN build a sort per posting).
 */

export interface JobSeedOptions {
  labourMarketUrl: string;
  legalPersonUrl: string;
  naturalPersonUrl: string;
  postings: number;
  /** The demo citizen, who gets a profile, an application and an employment record. */
  demoCitizenId?: string;
  onProgress?: (message: string) => void;
}

/** Occupations an employer of each GB/T 4754 section posts for (others: office and sales work). */
const SECTION_OCCUPATIONS: Record<string, string[]> = {
  A: ['CROP_GROWER', 'LIVESTOCK_BREEDER', 'DRIVER', 'ACCOUNTANT'],
  C: [
    'ASSEMBLER',
    'WELDER',
    'LATHE_OPERATOR',
    'QUALITY_INSPECTOR',
    'ELECTRICIAN',
    'FOOD_PROCESSOR',
    'WAREHOUSE_KEEPER',
  ],
  E: ['CIVIL_ENGINEER', 'ELECTRICIAN', 'WELDER', 'SECURITY_GUARD', 'ACCOUNTANT'],
  F: ['SALES_REPRESENTATIVE', 'STORE_CASHIER', 'WAREHOUSE_KEEPER', 'CUSTOMER_SERVICE', 'ACCOUNTANT', 'CASHIER_CLERK'],
  G: ['COURIER', 'DRIVER', 'WAREHOUSE_KEEPER', 'CUSTOMER_SERVICE'],
  H: ['CHEF', 'WAITER', 'STORE_CASHIER', 'CLEANER'],
  I: ['SOFTWARE_ENGINEER', 'DESIGNER', 'CUSTOMER_SERVICE', 'HR_SPECIALIST', 'SALES_REPRESENTATIVE'],
  J: ['ACCOUNTANT', 'AUDITOR', 'CUSTOMER_SERVICE', 'SALES_REPRESENTATIVE', 'CASHIER_CLERK'],
  K: ['PROPERTY_MANAGER', 'SECURITY_GUARD', 'CLEANER', 'SALES_REPRESENTATIVE'],
  L: ['LAWYER', 'ADMIN_CLERK', 'HR_SPECIALIST', 'ACCOUNTANT', 'AUDITOR'],
  M: ['ELECTRICAL_ENGINEER', 'CIVIL_ENGINEER', 'SOFTWARE_ENGINEER', 'DESIGNER'],
  O: ['DOMESTIC_WORKER', 'HAIRDRESSER', 'CLEANER', 'DRIVER'],
  P: ['TEACHER', 'ADMIN_CLERK', 'ACCOUNTANT'],
  Q: ['NURSE', 'PHYSICIAN', 'PHARMACIST', 'CUSTOMER_SERVICE'],
  R: ['DESIGNER', 'SALES_REPRESENTATIVE', 'CUSTOMER_SERVICE'],
};
const DEFAULT_OCCUPATIONS = [
  'ADMIN_CLERK',
  'SALES_REPRESENTATIVE',
  'ACCOUNTANT',
  'CUSTOMER_SERVICE',
  'ENTERPRISE_MANAGER',
];

/** Job titles as postings word them. */
const TITLES: Record<string, string[]> = {
  ENTERPRISE_MANAGER: ['总经理助理', '运营经理', '门店经理', '区域经理'],
  SOFTWARE_ENGINEER: ['Java开发工程师', '前端开发工程师', '测试工程师', '运维工程师', 'Python开发工程师'],
  ELECTRICAL_ENGINEER: ['电气工程师', '电气设计工程师', '自动化工程师'],
  CIVIL_ENGINEER: ['土建工程师', '结构设计师', '施工员', '造价工程师'],
  ACCOUNTANT: ['会计', '总账会计', '成本会计', '税务会计', '会计助理', '主办会计'],
  AUDITOR: ['审计专员', '内审专员', '审计助理'],
  HR_SPECIALIST: ['人事专员', '招聘专员', '薪酬绩效专员'],
  TEACHER: ['小学语文教师', '初中数学教师', '英语教师', '幼儿教师'],
  NURSE: ['护士', '护理员', '门诊护士'],
  PHYSICIAN: ['全科医生', '内科医师', '口腔医生'],
  PHARMACIST: ['药剂师', '执业药师', '药店店员'],
  DESIGNER: ['平面设计师', 'UI设计师', '室内设计师'],
  LAWYER: ['律师', '律师助理', '法务专员'],
  ADMIN_CLERK: ['行政文员', '前台文员', '行政专员', '档案管理员'],
  CASHIER_CLERK: ['出纳', '出纳专员'],
  CUSTOMER_SERVICE: ['客服专员', '电话客服', '售后客服'],
  SALES_REPRESENTATIVE: ['销售代表', '销售经理', '电话销售', '门店导购'],
  STORE_CASHIER: ['收银员', '超市收银员'],
  CHEF: ['中餐厨师', '川菜厨师', '面点师', '厨师长'],
  WAITER: ['餐厅服务员', '传菜员', '火锅店服务员'],
  COURIER: ['快递员', '外卖骑手', '配送员'],
  DRIVER: ['货车司机', '商务司机', '配送司机'],
  WAREHOUSE_KEEPER: ['仓库管理员', '库管员', '理货员'],
  SECURITY_GUARD: ['保安员', '安保主管', '监控员'],
  CLEANER: ['保洁员', '清洁工'],
  DOMESTIC_WORKER: ['家政服务员', '育婴师', '养老护理员'],
  HAIRDRESSER: ['美发师', '发型助理'],
  PROPERTY_MANAGER: ['物业管理员', '物业客服', '物业维修工'],
  CROP_GROWER: ['农艺工', '种植技术员'],
  LIVESTOCK_BREEDER: ['畜禽饲养员', '养殖技术员'],
  ELECTRICIAN: ['电工', '维修电工', '高压电工'],
  WELDER: ['焊工', '电焊工', '氩弧焊工'],
  LATHE_OPERATOR: ['车工', '数控车工', 'CNC操作工'],
  ASSEMBLER: ['装配工', '普工', '流水线操作工'],
  QUALITY_INSPECTOR: ['质检员', '品管员', '检验员'],
  FOOD_PROCESSOR: ['食品加工工', '包装工', '火锅底料炒制工'],
  OTHER: ['储备干部', '实习生'],
};

/** What the work is, per occupation. */
const DUTIES: Record<string, string> = {
  ENTERPRISE_MANAGER: '负责团队日常管理与经营目标达成，制定工作计划并跟进落实',
  SOFTWARE_ENGINEER: '负责系统需求分析、编码与测试，参与技术方案设计，维护线上服务稳定',
  ELECTRICAL_ENGINEER: '负责电气图纸设计、设备选型与现场调试，解决生产中的电气问题',
  CIVIL_ENGINEER: '负责施工现场技术管理、进度与质量控制，编制施工方案',
  ACCOUNTANT: '负责日常账务处理、编制财务报表、办理纳税申报，协助年度审计',
  AUDITOR: '负责内部审计项目实施，检查财务收支与内控执行，出具审计报告',
  HR_SPECIALIST: '负责招聘、入离职手续、社保公积金办理及员工档案管理',
  TEACHER: '负责学科教学与备课，关注学生成长，做好家校沟通',
  NURSE: '负责病区护理工作，执行医嘱，观察病情并做好护理记录',
  PHYSICIAN: '负责门诊接诊与诊疗，书写病历，参与会诊与健康宣教',
  PHARMACIST: '负责处方审核与调配，指导顾客合理用药，管理药品库存',
  DESIGNER: '负责品牌视觉、宣传物料与页面设计，配合市场活动输出方案',
  LAWYER: '负责合同审查、法律咨询与诉讼案件办理',
  ADMIN_CLERK: '负责文件收发、会议安排、办公用品管理及来访接待',
  CASHIER_CLERK: '负责现金收付、银行结算、票据保管与资金日报',
  CUSTOMER_SERVICE: '负责客户咨询接待、投诉处理与回访，维护客户关系',
  SALES_REPRESENTATIVE: '负责开拓客户、产品推介与订单跟进，完成销售任务',
  STORE_CASHIER: '负责收银结算、票据整理与货架整理，提供优质服务',
  CHEF: '负责菜品制作与出品质量，管理食材与后厨卫生',
  WAITER: '负责点餐、传菜、餐台清理与顾客接待',
  COURIER: '负责片区快件收派与客户签收，按时完成配送',
  DRIVER: '负责车辆驾驶与日常保养，按路线完成运输任务',
  WAREHOUSE_KEEPER: '负责货物出入库、盘点与库存台账管理',
  SECURITY_GUARD: '负责门岗值守、巡逻与消防安全检查',
  CLEANER: '负责公共区域清洁与垃圾分类',
  DOMESTIC_WORKER: '负责家庭保洁、做饭与老人儿童照护',
  HAIRDRESSER: '负责剪发、烫染与造型设计，维护会员客户',
  PROPERTY_MANAGER: '负责小区物业服务、报修处理与费用收缴',
  CROP_GROWER: '负责作物种植管理、病虫害防治与田间记录',
  LIVESTOCK_BREEDER: '负责畜禽饲养、防疫消毒与养殖记录',
  ELECTRICIAN: '负责厂区电气线路与设备的安装、检修和维护',
  WELDER: '负责钢结构件焊接与焊缝质量自检',
  LATHE_OPERATOR: '负责数控车床操作、零件加工与首件检验',
  ASSEMBLER: '负责产线装配作业，按工艺要求完成生产任务',
  QUALITY_INSPECTOR: '负责来料、过程与成品检验，记录并反馈质量问题',
  FOOD_PROCESSOR: '负责食品原料处理、加工与包装，遵守卫生规范',
  OTHER: '参与公司各岗位轮岗学习，完成交办工作',
};

const REQUIREMENTS = [
  '大专及以上学历，一年以上相关工作经验，责任心强',
  '学历不限，能吃苦耐劳，服从工作安排，有经验者优先',
  '本科及以上学历，熟悉相关业务流程，具备良好的沟通能力',
  '高中及以上学历，身体健康，能适应倒班',
  '持相关职业资格证书者优先，工作认真细致',
];

const BENEFITS = [
  '五险一金，双休，带薪年假',
  '包吃住，月休四天，节日福利',
  '五险，绩效奖金，定期培训',
  '五险一金，餐补交通补，年度体检',
];

const STREETS = ['人民南路', '天府大道', '蜀都大道', '一环路', '科华北路', '交子大道', '建设路', '光华大道'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

const EDUCATION_BY_GROUP: Record<number, string[]> = {
  1: ['JUNIOR_COLLEGE', 'BACHELOR'],
  2: ['JUNIOR_COLLEGE', 'BACHELOR', 'BACHELOR', 'MASTER'],
  3: ['SENIOR_SECONDARY', 'JUNIOR_COLLEGE'],
  4: ['JUNIOR_SECONDARY', 'SENIOR_SECONDARY'],
  5: ['JUNIOR_SECONDARY'],
  6: ['JUNIOR_SECONDARY', 'SENIOR_SECONDARY'],
  8: ['SENIOR_SECONDARY'],
};
const BASE_SALARY: Record<number, number> = { 1: 9000, 2: 7000, 3: 4500, 4: 4200, 5: 3800, 6: 5000, 8: 4000 };

/** Rows per statement: progress is reported after each. */
const CHUNK = 100_000;

/** From this many postings in one load, secondary indexes are dropped before it and built after. */
const REBUILD_INDEXES_FROM = 2_000;

function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/**
 * Drops job_posting's indexes other than its primary key (which job_application's foreign key
 * needs), unique constraints included, and returns the statements that create them again.
 */
async function dropSecondaryIndexes(client: pg.Client): Promise<{ name: string; sql: string }[]> {
  const { rows } = await client.query<{ name: string; sql: string; constraint_name: string | null }>(
    `select i.relname as name, c.conname as constraint_name,
            coalesce('alter table job_posting add constraint ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid),
                     pg_get_indexdef(x.indexrelid)) as sql
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       left join pg_constraint c on c.conindid = x.indexrelid and c.conrelid = x.indrelid
      where x.indrelid = 'job_posting'::regclass and not x.indisprimary
      order by i.relname`,
  );
  for (const row of rows) {
    await client.query(
      row.constraint_name
        ? `alter table job_posting drop constraint ${quoteIdent(row.constraint_name)}`
        : `drop index ${quoteIdent(row.name)}`,
    );
  }
  return rows.map(({ name, sql }) => ({ name, sql }));
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Loads postings, profiles, applications and employment records into the labour-market registry. */
export async function seedJobs(options: JobSeedOptions): Promise<Record<string, number>> {
  const say = options.onProgress ?? (() => {});
  const organizations = await readRows<{
    credit_code: string;
    name: string;
    industry_code: string;
    district_code: string;
  }>(
    options.legalPersonUrl,
    "select credit_code, name, industry_code, district_code from organization where status = 'ACTIVE' order by credit_code",
  );
  const adults = await readRows<{ id: string }>(
    options.naturalPersonUrl,
    `select id::text from person where death_date is null
       and birth_date between current_date - interval '60 years' and current_date - interval '18 years'
     order by id`,
  );
  const client = new pg.Client({ connectionString: options.labourMarketUrl });
  await client.connect();
  const counts: Record<string, number> = {
    job_posting: 0,
    job_seeker_profile: 0,
    job_application: 0,
    employment_record: 0,
  };
  try {
    await client.query('begin');
    // For the index builds after the load: the GIN build gathers every posting's grams in memory
    // (at a million postings it took about 15% less CPU with 2 GB than with 1 GB).
    await client.query("set local maintenance_work_mem = '2GB'");
    // The grams of every pair of employer and job (seed_combination) in one in-memory hash.
    await client.query("set local work_mem = '256MB'");
    await client.query(
      'lock table job_posting, job_seeker_profile, job_application, employment_record in exclusive mode',
    );
    const postings = organizations.length === 0 ? 0 : options.postings;
    if (postings > 0) {
      let phase = Date.now();
      await loadPhrases(client, organizations);
      say(`  job_posting: phrases and their grams prepared in ${elapsed(phase)}`);
      // Secondary indexes (the GIN over the grams above all) are built once after a large load,
      // which is far faster than updating them row by row; all inside this transaction, so a
      // failure leaves the table and its indexes as they were.
      const rebuilt = postings >= REBUILD_INDEXES_FROM ? await dropSecondaryIndexes(client) : [];
      if (rebuilt.length > 0) say(`  job_posting: dropped ${rebuilt.length} secondary indexes for the load`);
      await client.query('alter table job_posting disable trigger job_posting_grams');
      phase = Date.now();
      const combinations = await client.query(COMBINATIONS_SQL, [postings]);
      await client.query('analyze seed_combination');
      say(
        `  job_posting: grams of ${combinations.rowCount?.toLocaleString('en')} pairs of employer and job in ${elapsed(phase)}`,
      );
      const started = Date.now();
      // References are unique per employer: each load numbers its postings under its own prefix.
      const run = `SEED-${started.toString(36).toUpperCase()}-`;
      for (let from = 0; from < postings; from += CHUNK) {
        const to = Math.min(postings, from + CHUNK) - 1;
        await client.query(POSTINGS_SQL, [from, to, todayInChina(), run, postings]);
        const done = to + 1;
        const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
        say(
          `  job_posting: ${done.toLocaleString('en')} / ${postings.toLocaleString('en')} (${rate.toLocaleString('en')} rows/s)`,
        );
      }
      await client.query('alter table job_posting enable trigger job_posting_grams');
      say(`  job_posting: rows inserted in ${elapsed(started)}`);
      for (const index of rebuilt) {
        phase = Date.now();
        await client.query(index.sql);
        say(`  job_posting: index ${index.name} built in ${elapsed(phase)}`);
      }
      // Before anything reads the postings (the applications below pick the newest open ones):
      // without statistics a fresh million is planned as an empty table.
      phase = Date.now();
      await client.query('analyze job_posting');
      say(`  job_posting: statistics refreshed (analyze) in ${elapsed(phase)}`);
      counts.job_posting = postings;
    }
    if (adults.length > 0 && organizations.length > 0) {
      // Seeding adds: people who already have a profile or an employment record here (seeded by an
      // earlier run, the demo citizen included) keep theirs, and only the others get new rows.
      const known = new Set(
        (
          await client.query<{ person_id: string }>(
            'select person_id::text from job_seeker_profile union select person_id::text from employment_record',
          )
        ).rows.map((row) => row.person_id),
      );
      const people = adults.map((a) => a.id).filter((id) => !known.has(id));
      let demoCitizenId = options.demoCitizenId ?? null;
      if (demoCitizenId && known.has(demoCitizenId)) demoCitizenId = null;
      if (demoCitizenId && !people.includes(demoCitizenId)) people.unshift(demoCitizenId);
      const phase = Date.now();
      const result = await client.query<{ profiles: string; applications: string; employment: string }>(PEOPLE_SQL, [
        people,
        organizations.map((o) => o.credit_code),
        demoCitizenId,
        todayInChina(),
        organizations.length,
      ]);
      counts.job_seeker_profile = Number(result.rows[0].profiles);
      counts.job_application = Number(result.rows[0].applications);
      counts.employment_record = Number(result.rows[0].employment);
      say(`  job-seeker profiles, applications and employment records loaded in ${elapsed(phase)}`);
    }
    const phase = Date.now();
    await client.query('commit');
    say(`  committed in ${elapsed(phase)}`);
    return counts;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw new Error(
      `loading the labour-market registry at ${describeUrl(options.labourMarketUrl)} failed: ${(error as Error).message}`,
    );
  } finally {
    await client.end();
  }
}

async function readRows<Row extends Record<string, unknown>>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The phrases postings are composed of, each with its grams, in temporary tables. */
async function loadPhrases(
  client: pg.Client,
  organizations: { credit_code: string; name: string; industry_code: string; district_code: string }[],
): Promise<void> {
  await client.query(
    `create temp table seed_org on commit drop as
       select (row_number() over (order by credit_code) - 1)::int as n, credit_code, name, left(industry_code, 1) as section,
              industry_code, district_code, job_search_grams(name) as grams
         from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(credit_code, name, industry_code, district_code)`,
    [
      organizations.map((o) => o.credit_code),
      organizations.map((o) => o.name),
      organizations.map((o) => o.industry_code),
      organizations.map((o) => o.district_code),
    ],
  );
  // Per section: the jobs its employers post (occupation and title), numbered from 0.
  const sections = [...new Set([...Object.keys(SECTION_OCCUPATIONS), ...'ABCDEFGHIJKLMNOPQRST'])];
  const slots: { section: string; occupation: string; title: string }[] = [];
  for (const section of sections) {
    for (const occupation of SECTION_OCCUPATIONS[section] ?? DEFAULT_OCCUPATIONS) {
      for (const title of TITLES[occupation]) slots.push({ section, occupation, title });
    }
  }
  const group = new Map(OCCUPATIONS.map((o) => [o.code, o.majorGroup]));
  await client.query(
    `create temp table seed_slot on commit drop as
       select section, (row_number() over (partition by section order by ord) - 1)::int as n, occupation, title,
              job_search_grams(title) as grams, education, base_salary
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) with ordinality
              as t(section, occupation, title, education, base_salary, ord)`,
    [
      slots.map((s) => s.section),
      slots.map((s) => s.occupation),
      slots.map((s) => s.title),
      slots.map((s) => EDUCATION_BY_GROUP[group.get(s.occupation)!].join(',')),
      slots.map((s) => BASE_SALARY[group.get(s.occupation)!]),
    ],
  );
  await client.query(
    'create temp table seed_section on commit drop as select section, count(*)::int as k from seed_slot group by section',
  );
  // Per occupation: duty x requirement x benefit, numbered from 0.
  const descriptions: { occupation: string; text: string }[] = [];
  for (const occupation of Object.keys(DUTIES)) {
    for (const requirement of REQUIREMENTS) {
      for (const benefit of BENEFITS) {
        descriptions.push({
          occupation,
          text: `岗位职责：${DUTIES[occupation]}。任职要求：${requirement}。福利待遇：${benefit}。`,
        });
      }
    }
  }
  await client.query(
    `create temp table seed_description on commit drop as
       select occupation, (row_number() over (partition by occupation order by ord) - 1)::int as n, text,
              job_search_grams(text) as grams
         from unnest($1::text[], $2::text[]) with ordinality as t(occupation, text, ord)`,
    [descriptions.map((d) => d.occupation), descriptions.map((d) => d.text)],
  );
  const districts = Object.entries(CHENGDU_DISTRICTS);
  await client.query(
    `create temp table seed_district on commit drop as
       select code, name from unnest($1::text[], $2::text[]) as t(code, name)`,
    [districts.map(([code]) => code), districts.map(([, name]) => name)],
  );
  await client.query(
    `create temp table seed_constants on commit drop as
       select (select count(*) from seed_org)::int as orgs, $1::text[] as streets, $2::text[] as surnames,
              ${REQUIREMENTS.length * BENEFITS.length} as descriptions`,
    [STREETS, SURNAMES],
  );
  // Every lookup table analysed: without it the planner takes seed_constants for 800 rows and
  // answers each chunk with a sort-merge over the product of the lookup tables (10x slower).
  for (const table of [
    'seed_org',
    'seed_slot',
    'seed_section',
    'seed_description',
    'seed_district',
    'seed_constants',
  ]) {
    await client.query(`analyze ${table}`);
  }
}

/**
 * Posting i's employer and job (a slot of the employer's section), by number; the description
 * follows from the two, so postings use as many combinations of the three as there are pairs of
 * employer and job (20,025 at a million postings by 2,000 organizations), not a million.
 */
const CHOICE_SQL = `
cross join seed_constants c
join seed_org o on o.n = (g.i::bigint * 7919 % c.orgs)::int
join seed_section sc on sc.section = o.section
join seed_slot s on s.section = o.section and s.n = ((g.i / c.orgs + g.i::bigint * 31) % sc.k)::int`;
const DESCRIPTION_SQL = `
join seed_description d on d.occupation = s.occupation and d.n = ((o.n * 7 + s.n * 3) % c.descriptions)::int`;

/**
 * The pairs of employer and job that postings 0..$1-1 use, each with the union of its phrases'
 * grams, distinct and ascending (what job_search_grams gives the whole text).
 */
const COMBINATIONS_SQL = `
create temp table seed_combination on commit drop as
select o.n as org_n, s.n as slot_n,
       (select array_agg(distinct x order by x) from unnest(o.grams || s.grams || d.grams) x) as grams
  from (select distinct o.n as org_n, s.n as slot_n from generate_series(0, $1::int - 1) as g(i) ${CHOICE_SQL}) u
  cross join seed_constants c
  join seed_org o on o.n = u.org_n
  join seed_slot s on s.section = o.section and s.n = u.slot_n
  ${DESCRIPTION_SQL}`;

/**
 * Postings $1..$2 of $5 (as of $3, today): employer i*7919 mod organizations, a job of its section,
 * in its district; posted in the last 60 days, oldest first (as they would have been posted, so
 * the newest postings, which the feed reads most, lie together in the table rather than spread
 * over all of it), open for 30 to 89 days; one in twenty closed, one in twenty filled.
 */
const POSTINGS_SQL = `
insert into job_posting (id, created_at, updated_at, employer_credit_code, reference, employer_name, employer_industry,
  title, description, occupation_code, district_code, work_address, salary_min, salary_max, education,
  experience_years, headcount, contact_name, contact_phone, posted_on, expires_on, status, closed_on, posted_by_sub,
  posted_by_role, search_grams)
select gen_random_uuid(), now(), now(), o.credit_code, $4::text || lpad(g.i::text, 8, '0'), o.name, o.industry_code,
  s.title, d.text, s.occupation, o.district_code,
  '四川省成都市' || di.name || c.streets[1 + g.i % array_length(c.streets, 1)] || (1 + g.i % 300) || '号',
  s.base_salary + (g.i % 7) * 500, s.base_salary + (g.i % 7) * 500 + 1500 + (g.i % 5) * 500,
  (string_to_array(s.education, ','))[1 + g.i % array_length(string_to_array(s.education, ','), 1)],
  g.i % 6, 1 + g.i % 5,
  c.surnames[1 + g.i % array_length(c.surnames, 1)] || case when g.i % 2 = 0 then '女士' else '先生' end,
  '028-8' || lpad(((g.i::bigint * 7907) % 10000000)::text, 7, '0'),
  $3::date - a.days_ago, $3::date - a.days_ago + 30 + a.days_ago,
  case when g.i % 20 = 7 then 'CLOSED' when g.i % 20 = 13 then 'FILLED' else 'OPEN' end,
  case when g.i % 20 in (7, 13) then $3::date - a.days_ago + a.days_ago / 2 end,
  'seed', 'officer',
  sg.grams
from generate_series($1::int, $2::int) as g(i)
cross join lateral (select (59 - g.i::bigint * 60 / $5::int)::int as days_ago) a
${CHOICE_SQL}
${DESCRIPTION_SQL}
join seed_combination sg on sg.org_n = o.n and sg.slot_n = s.n
join seed_district di on di.code = o.district_code`;

const SEEKER_OCCUPATIONS = OCCUPATIONS.filter((o) => o.code !== 'OTHER').map((o) => o.code);

/**
 * Profiles for every fifth working-age person (and the demo citizen), applying to two open postings
 * of their first desired occupation; employment for three in five of them (employed by an
 * organization since a date), unemployment registered for one in twenty. Each person's
 * occupation and employer are picked by position with the counts as constants ($5: organizations),
 * so both joins are hash joins: a modulus by a column of the joined side (count(*) over ()) made
 * them nested loops over people x organizations, quadratic (27 s at 100,000 people, some 45 min at
 * a million).
 */
const PEOPLE_SQL = `
with people as (
  select p.id::uuid as id, (p.ord - 1)::int as n from unnest($1::text[]) with ordinality as p(id, ord)
), orgs as (
  select credit_code, (ord - 1)::int as n from unnest($2::text[]) with ordinality as t(credit_code, ord)
), occupations as (
  select code, (ord - 1)::int as n
    from unnest(array[${SEEKER_OCCUPATIONS.map((code) => `'${code}'`).join(', ')}]) with ordinality as t(code, ord)
), profiles as (
  insert into job_seeker_profile (id, created_at, updated_at, person_id, display_name, contact_phone, desired_occupations,
    desired_districts, desired_salary, education, experience_years, skills, availability, visible_to_employers)
  select gen_random_uuid(), now(), now(), p.id, (array['求职者', '应届毕业生', '有经验求职者'])[1 + p.n % 3],
    '13' || lpad(((p.n::bigint * 7919) % 1000000000)::text, 9, '0'),
    array[occ.code], array[(array['510104','510105','510106','510107','510108'])[1 + p.n % 5]],
    4000 + (p.n % 8) * 500, (array['SENIOR_SECONDARY','JUNIOR_COLLEGE','BACHELOR'])[1 + p.n % 3], p.n % 10,
    (array['熟练使用办公软件', '会计 财务软件 纳税申报', 'Java Python 数据库', '沟通能力强 销售经验', '驾驶证C1 熟悉成都路线'])[1 + p.n % 5],
    (array['随时到岗', '一周内到岗', '一个月内到岗'])[1 + p.n % 3], p.n % 4 <> 0
  from people p join occupations occ on occ.n = p.n % ${SEEKER_OCCUPATIONS.length}
  where p.n % 5 = 0 or p.id = $3::uuid
  returning person_id, desired_occupations[1] as occupation
), recent as (
  -- The newest open postings (through the feed index), numbered per occupation.
  select id, occupation_code, row_number() over (partition by occupation_code order by posted_on desc, id) as rn
    from (select id, occupation_code, posted_on from job_posting
           where status = 'OPEN' and expires_on >= $4::date order by posted_on desc, id desc limit 50000) r
), applications as (
  insert into job_application (id, created_at, updated_at, job_id, applicant_id, status, status_changed_at)
  select gen_random_uuid(), now(), now(), r.id, pr.person_id,
    (array['SUBMITTED','VIEWED','INTERVIEW','OFFER','REJECTED'])[1 + (abs(hashtext(r.id::text || pr.person_id::text)) % 5)], now()
  from profiles pr join recent r on r.occupation_code = pr.occupation and r.rn <= 2
  returning 1
), employed as (
  insert into employment_record (id, created_at, updated_at, person_id, kind, organization_credit_code, from_date, to_date,
    recorded_by_sub, recorded_by_dept)
  select gen_random_uuid(), now(), now(), p.id, case when p.n % 20 = 3 then 'UNEMPLOYED' else 'EMPLOYED' end,
    case when p.n % 20 = 3 then null else o.credit_code end, $4::date - 30 - (p.n % 2000), null, 'seed', 'hrss'
  from people p join orgs o on o.n = (p.n::bigint * 31 % $5::int)::int
  where p.n % 5 in (0, 1, 2) or p.n % 20 = 3 or p.id = $3::uuid
  returning 1
)
select (select count(*) from profiles) as profiles, (select count(*) from applications) as applications,
       (select count(*) from employed) as employment`;
