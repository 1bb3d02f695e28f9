#!/usr/bin/env python3
"""Comprueba los portafolios de Assets/ (python3 + jsonschema).

- validación contra docs/portfolio.schema.json;
- formato de bytes (json.dumps(indent=2, ensure_ascii=False) + "\\n") y orden de llaves;
- ids únicos, referencias, fechas válidas y fin >= inicio, fases contiguas;
- advertencias (hijo fuera de las fechas del padre, ponderaciones que no suman 100);
- estados (regla lineal de PRODUCT.md) por nivel: iniciativas, componentes, imperativos.

Uso: python3 Assets/check_assets.py [archivo.json ...]   (sin argumentos: los dos assets)
Sale con código 1 si hay algún error.
"""
import datetime as dt
import json
import os
import sys
from collections import Counter

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "docs", "portfolio.schema.json")
DEFAULT_FILES = ["portafolio-ssa.json", "portafolio-demo.json"]

KEY_ORDER = {
    "top": ["formatVersion", "name", "reportDate", "tolerance", "imperatives", "components", "initiatives", "indicators"],
    "imperative": ["id", "name", "description", "weight", "start", "end", "components"],
    "member": ["component", "weight"],
    "component": ["id", "name", "description", "responsible", "start", "end", "actualProgress", "phases"],
    "phases": ["formulation", "implementation", "monitoring"],
    "range": ["start", "end"],
    "initiative": ["id", "name", "component", "horizon", "quickWin", "responsible", "start", "end",
                   "weight", "actualProgress", "milestones", "notes"],
    "milestone": ["name", "due", "done", "weight"],
}
ALWAYS_IN_INITIATIVE = ["weight", "actualProgress", "milestones", "notes", "quickWin"]

STATES = ["No iniciado", "Conforme al esperado", "Desviación de hasta 30%", "Desviación mayor al 30%"]


class Report:
    def __init__(self, name):
        self.name, self.errors, self.warnings = name, [], []

    def error(self, where, msg):
        self.errors.append(f"{self.name}: {where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{self.name}: {where}: {msg}")


def date(s):
    return dt.date.fromisoformat(s)


def check_order(rep, where, obj, kind):
    known = KEY_ORDER[kind]
    keys = [k for k in obj if k in known]
    if keys != [k for k in known if k in obj]:
        rep.error(where, f"orden de llaves {keys}, se esperaba {[k for k in known if k in obj]}")
    unknown = [k for k in obj if k not in known]
    if unknown:
        rep.warn(where, f"llaves desconocidas {unknown}")


def expected_linear(start, end, report):
    s, e = date(start), date(end)
    if report < s:
        return 0.0
    if report >= e:
        return 100.0
    return 100.0 * (report - s).days / (e - s).days


def state(expected, real, tolerance):
    if expected <= 0:
        return STATES[0]
    dev = 100.0 * (real - expected) / expected
    if dev >= 0:
        return STATES[1]
    if dev >= tolerance:
        return STATES[2]
    return STATES[3]


def wmean(pairs):
    tw = sum(w for w, _ in pairs)
    if tw == 0:
        return 0.0
    return sum(w * v for w, v in pairs) / tw


def check(path, validator):
    rep = Report(os.path.basename(path))
    raw = open(path, "rb").read()
    text = raw.decode("utf-8")
    doc = json.loads(text)
    if raw.startswith(b"\xef\xbb\xbf"):
        rep.error("archivo", "tiene BOM")
    if json.dumps(doc, indent=2, ensure_ascii=False) + "\n" != text:
        rep.error("archivo", "no está formateado como json.dumps(indent=2, ensure_ascii=False) + salto de línea")
    for ch in ("\\u00", ".0,", ".0\n"):
        if ch in text:
            rep.error("archivo", f"contiene {ch!r} (acento escapado o entero con .0)")

    for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
        rep.error("/".join(map(str, err.path)) or "raíz", "esquema: " + err.message)
    if rep.errors:
        return rep, doc

    check_order(rep, "raíz", doc, "top")
    ids = Counter([x["id"] for k in ("imperatives", "components", "initiatives") for x in doc[k]])
    for i, n in ids.items():
        if n > 1:
            rep.error(i, f"id repetido {n} veces")
    comps = {c["id"]: c for c in doc["components"]}

    def dates_ok(where, o):
        try:
            s, e = date(o["start"]), date(o["end"])
        except ValueError as ex:
            rep.error(where, f"fecha inválida: {ex}")
            return False
        if e < s:
            rep.error(where, f"fin {o['end']} anterior al inicio {o['start']}")
            return False
        return True

    for imp in doc["imperatives"]:
        w = f"imperativo {imp['id']}"
        check_order(rep, w, imp, "imperative")
        if "start" in imp or "end" in imp:
            if not ("start" in imp and "end" in imp):
                rep.warn(w, "sólo tiene una de start/end")
            else:
                dates_ok(w, imp)
        seen = set()
        for m in imp["components"]:
            check_order(rep, w, m, "member")
            if m["component"] not in comps:
                rep.error(w, f"componente inexistente {m['component']}")
            if m["component"] in seen:
                rep.error(w, f"componente repetido {m['component']}")
            seen.add(m["component"])
        total = sum(m["weight"] for m in imp["components"])
        if imp["components"] and abs(total - 100) > 0.05:
            rep.warn(w, f"las ponderaciones suman {total:g}%, no 100%")
        if not imp["components"]:
            rep.warn(w, "sin componentes")
        if "start" in imp and imp["components"]:
            for m in imp["components"]:
                c = comps.get(m["component"])
                if c and (c["start"] < imp["start"] or c["end"] > imp["end"]):
                    rep.warn(w, f"componente {c['id']} fuera de las fechas del imperativo")

    for c in doc["components"]:
        w = f"componente {c['id']}"
        check_order(rep, w, c, "component")
        dates_ok(w, c)
        ph = c.get("phases")
        if ph:
            check_order(rep, w + " phases", ph, "phases")
            prev = None
            for k in KEY_ORDER["phases"]:
                if k not in ph:
                    continue
                check_order(rep, f"{w} {k}", ph[k], "range")
                if not dates_ok(f"{w} fase {k}", ph[k]):
                    continue
                if ph[k]["start"] < c["start"] or ph[k]["end"] > c["end"]:
                    rep.warn(w, f"fase {k} fuera de las fechas del componente")
                if prev and date(ph[k]["start"]) != date(prev) + dt.timedelta(days=1):
                    rep.warn(w, f"fase {k} no es contigua a la anterior")
                prev = ph[k]["end"]

    outside = Counter()
    for ini in doc["initiatives"]:
        w = f"iniciativa {ini['id']}"
        check_order(rep, w, ini, "initiative")
        for k in ALWAYS_IN_INITIATIVE:
            if k not in ini:
                rep.error(w, f"falta la llave {k} (siempre presente en los assets)")
        c = comps.get(ini["component"])
        if c is None:
            rep.error(w, f"componente inexistente {ini['component']}")
            continue
        if dates_ok(w, ini) and (ini["start"] < c["start"] or ini["end"] > c["end"]):
            outside[c["id"]] += 1
        for j, m in enumerate(ini.get("milestones", [])):
            check_order(rep, f"{w} hito {j}", m, "milestone")
            try:
                date(m["due"])
                if m.get("done"):
                    date(m["done"])
            except ValueError as ex:
                rep.error(f"{w} hito {j}", f"fecha inválida: {ex}")
    for cid, n in outside.items():
        rep.warn(f"componente {cid}", f"{n} iniciativa(s) fuera de las fechas del componente")
    return rep, doc


def status(doc):
    report = date(doc["reportDate"])
    tol = doc.get("tolerance", -30)
    ini_vals, by_comp = {}, {}
    for ini in doc["initiatives"]:
        e = expected_linear(ini["start"], ini["end"], report)
        r = ini.get("actualProgress", 0)
        ini_vals[ini["id"]] = (e, r, state(e, r, tol))
        by_comp.setdefault(ini["component"], []).append((ini.get("weight", 1), e, r))
    comp_vals = {}
    for c in doc["components"]:
        rows = by_comp.get(c["id"])
        if rows:
            e = wmean([(w, x) for w, x, _ in rows])
            r = wmean([(w, y) for w, _, y in rows])
        else:
            e = expected_linear(c["start"], c["end"], report)
            r = c.get("actualProgress", 0)
        comp_vals[c["id"]] = (e, r, state(e, r, tol))
    imp_vals = {}
    for imp in doc["imperatives"]:
        if not imp["components"]:
            imp_vals[imp["id"]] = (None, None, "sin componentes")
            continue
        e = wmean([(m["weight"], comp_vals[m["component"]][0]) for m in imp["components"]])
        r = wmean([(m["weight"], comp_vals[m["component"]][1]) for m in imp["components"]])
        imp_vals[imp["id"]] = (e, r, state(e, r, tol))
    return ini_vals, comp_vals, imp_vals


def fmt(v):
    e, r, s = v
    if e is None:
        return s
    dev = "" if e == 0 else f" desv {100 * (r - e) / e:+.1f}%"
    return f"esperado {e:5.1f} real {r:5.1f}{dev}  {s}"


def main(argv):
    schema = json.load(open(SCHEMA, encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = argv or [os.path.join(HERE, f) for f in DEFAULT_FILES]
    failed = False
    for path in files:
        rep, doc = check(path, validator)
        print(f"== {rep.name}: {len(doc.get('imperatives', []))} imperativos, "
              f"{len(doc.get('components', []))} componentes, {len(doc.get('initiatives', []))} iniciativas")
        for e in rep.errors:
            print("ERROR  ", e)
        for wmsg in rep.warnings:
            print("aviso  ", wmsg)
        if rep.errors:
            failed = True
            continue
        cnt = Counter((i["component"], i["horizon"]) for i in doc["initiatives"])
        print("iniciativas por componente (corto/mediano):",
              ", ".join(f"{c['id']} {cnt[(c['id'], 'short')]}/{cnt[(c['id'], 'medium')]}" for c in doc["components"]),
              f"| quick wins: {sum(1 for i in doc['initiatives'] if i.get('quickWin'))}")
        ini_vals, comp_vals, imp_vals = status(doc)
        print(f"estados al {doc['reportDate']} (tolerancia {doc.get('tolerance', -30)}%):")
        for level, vals in (("iniciativas", ini_vals), ("componentes", comp_vals), ("imperativos", imp_vals)):
            c = Counter(v[2] for v in vals.values())
            print(f"  {level:12s}", " | ".join(f"{s}: {c[s]}" for s in STATES + ["sin componentes"] if c[s] or s in STATES))
        if "DEMO" in doc["name"]:
            for cid, v in comp_vals.items():
                print(f"    {cid:6s} {fmt(v)}")
            for iid, v in imp_vals.items():
                print(f"    {iid:6s} {fmt(v)}")
            forty = [i for i in doc["initiatives"] if i.get("actualProgress") == 40]
            for i in forty:
                print(f"  avance 40: {i['id']} {fmt(ini_vals[i['id']])}")
                # the end-to-end test moves it to 55
                i["actualProgress"] = 55
                iv, cv, _ = status(doc)
                print(f"  con 55:    {i['id']} {fmt(iv[i['id']])}; componente {i['component']} {fmt(cv[i['component']])}")
                i["actualProgress"] = 40
            for level, vals in (("iniciativas", ini_vals), ("componentes", comp_vals)):
                missing = [s for s in STATES if s not in {v[2] for v in vals.values()}]
                if missing:
                    print("ERROR   faltan estados en", level, missing)
                    failed = True
    print("OK" if not failed else "FALLÓ")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
