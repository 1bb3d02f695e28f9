#!/usr/bin/env python3
"""Genera Assets/portafolio-ssa.json y Assets/portafolio-demo.json.

Fuente: seeds/000_478f37f88b331a62.txt (Cuadros 3, 4, 5, 6, 8 y 9).
Las reglas de derivación están documentadas en Assets/README.md.
Uso: python3 Assets/build_assets.py   (sobrescribe los dos archivos JSON)
"""
import datetime as dt
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# Horizontes (README §Fechas de las iniciativas)
SHORT = ("2011-10-01", "2012-11-30")   # corto plazo 2011-2012: hasta el fin de la administración
MEDIUM = ("2013-01-01", "2016-12-31")  # mediano plazo (Cuadro 6, 2012-2016)
SHORT_HORIZON_END = dt.date(2012, 11, 30)
MEDIUM_HORIZON_END = dt.date(2016, 12, 31)

IMPERATIVES = [
    # id, name, description (or None), own dates (or None), member components (Cuadro 9)
    ("RTE", "Reducción de Tiempos de Espera",
     "Consolidar el intercambio actual en materia de servicios de alta especialidad reduciendo tiempos de espera.",
     None, ["ECE", "PGS", "INTS", "GPC", "PMSRS", "RHS", "CA", "MLG"]),
    ("OAM", "Oportunidad de Abasto de Medicamentos", None,
     None, ["ECE", "INTS", "GPC", "ACMI", "CA", "MLG"]),
    ("CAM", "Calidad en la Atención Médica",
     "Homogeneizar la calidad del servicio a través de guías de práctica clínica y garantía de calidad.",
     None, ["ECE", "GPC", "PMSRS", "RHS", "CA", "MLG"]),
    ("IOS", "Igualdad de Oportunidades en Salud", None,
     ("2011-10-01", "2030-12-31"), []),
]
IMPERATIVE_WEIGHT = 33.3   # Ponderación del renglón Subtotal (Cuadro 9)
MEMBER_WEIGHT = 33.3       # Ponderación de cada componente (Cuadro 9)

COMPONENTS = [
    # id, name, description, start, end (Cuadro 9)
    ("ECE", "Expediente Clínico Electrónico",
     "Componente de portabilidad (Cuadro 3).", "2011-10-01", "2016-12-31"),
    ("PGS", "Padrón General de Salud",
     "Componente de portabilidad (Cuadro 3).", "2011-10-01", "2018-11-30"),
    ("INTS", "Intercambio de Servicios",
     "Componente de convergencia (Cuadro 4).", "2013-01-01", "2030-12-31"),
    ("GPC", "Guías de Práctica Clínica",
     "Componente de convergencia (Cuadro 4).", "2013-01-01", "2018-12-31"),
    ("PMSRS", "Plan Maestro Sectorial de Recursos para la Salud",
     "Componente de convergencia (Cuadro 4).", "2013-01-01", "2016-12-31"),
    ("ACMI", "Adquisición y compra coordinada de medicamentos e insumos",
     "Componente de convergencia (Cuadro 4).", "2013-01-01", "2015-12-31"),
    ("RHS", "Formación y Disponibilidad de Recursos Humanos",
     "Componente transversal (Cuadro 5).", "2016-04-02", "2018-12-31"),
    ("CA", "Calidad de la Atención",
     "Componente transversal (Cuadro 5).", "2013-01-01", "2018-12-31"),
    ("MLG", "Marco Legal y Gobierno",
     "Componente transversal (Cuadro 5, «Marco Legal y Gobernabilidad»; Cuadro 6, «Gobierno y Marco Legal»).",
     "2011-10-01", "2014-08-30"),
]

S, M = "short", "medium"
# component, horizon, quickWin, name, notes -- in the order of the source; ids are assigned per
# component, short ones first, then medium ones.
INITIATIVES = [
    # ---- Cuadro 3, Componentes de Portabilidad ----
    ("ECE", S, True, "Asignar y controlar los recursos financieros para apoyar el desarrollo de proyectos y el monitoreo de los programas presupuestales definidos", ""),
    ("ECE", S, False, "Fortalecer los mecanismos y los canales de comunicación para lograr un entendimiento estandarizado de la estrategia de implementación y operación del ECE", ""),
    ("ECE", S, False, "Adoptar el modelo de gobernabilidad definido para coordinar y monitorear el desarrollo de proyectos", ""),
    ("ECE", S, False, "Actualizar el marco normativo para facilitar la adopción del ECE",
     "Crear mecanismos de adopción paulatina en relación con la NOM-024."),
    ("ECE", S, False, "Alinear los procesos de interoperabilidad hacia un modelo evolutivo para alcanzar, de manera estratégica, los objetivos propuestos", ""),
    ("PGS", S, False, "Proveer de un esquema financiero al PGS para su institucionalización estableciendo servicios de valor al ciudadano", ""),
    ("PGS", S, False, "Implementar instrumentos legales que blinden la integración y el funcionamiento del PGS", ""),
    ("PGS", S, False, "Organizar e integrar la prestación de servicios del PGS", ""),
    ("PGS", S, False, "Fortalecer la estrategia de interoperabilidad entre los actores", ""),
    ("PGS", S, False, "Promover la implementación y la difusión de procedimientos, herramientas y lineamientos relacionados al PGS", ""),
    # ---- Cuadro 4, Componentes de Convergencia ----
    ("INTS", S, False, "Mejorar el Registro de pacientes",
     "Establecer los procedimientos para el registro oportuno y confiable de los pacientes que se atienden en una institución diferente a la cual se encuentran afiliados."),
    ("INTS", S, False, "Mejorar el proceso de pago",
     "Fortalecer el proceso de pago para garantizar la conclusión exitosa del intercambio de servicios."),
    ("INTS", S, False, "Mejorar el Manual de Lineamientos y Convenios Marco y realizar acciones para la implementación y/o ejecución exitosa de los convenios marco (32x32, Emergencias Obstétricas, Alta Especialidad)", ""),
    ("INTS", S, True, "Reorganizar la oferta y la demanda para el Intercambio de Servicios para lograr un mercado de servicios ordenado", ""),
    ("INTS", S, False, "Evaluar las garantías de plazo propuestas para su implementación exitosa y justa", ""),
    ("INTS", S, False, "Alinear convenios y establecer indicadores e incentivos encaminados al logro de un Sistema Único de Salud",
     "Alinear las cláusulas de los convenios existentes y establecer indicadores e incentivos que promuevan el intercambio de servicios a fin de lograr un Sistema Integrado de Salud."),
    ("INTS", S, True, "Definir acciones encaminadas a la buena administración del cambio dentro de la organización", ""),
    ("GPC", S, True, "Elaborar un Programa de Trabajo detallado sectorial para la ejecución del Plan Estratégico Sectorial 2011", ""),
    ("GPC", S, False, "Definir indicadores clave de desempeño a nivel central y estatal para el monitoreo y control de las Guías de Práctica Clínica en cuanto a su desarrollo, difusión, capacitación, implantación y seguimiento", ""),
    ("GPC", S, False, "Definir una estrategia interinstitucional para la administración central y estatal del cambio en relación con la difusión y la implementación de iniciativas y actividades clave contenidas en el Plan Estratégico y en el Programa de Trabajo, así como para el monitoreo de indicadores de desempeño", ""),
    ("GPC", S, False, "Identificar y desarrollar iniciativas con carácter sectorial para la integración formal de las GPC como parte de los componentes de convergencia", ""),
    ("PMSRS", S, False, "Conformar un comité intersectorial responsable de integrar los instrumentos de planeación y gestionar los planes de mediano y largo plazo a nivel sectorial para consolidar el PMSRS", ""),
    ("PMSRS", S, False, "Fortalecer y mejorar el actual Certificado de Necesidades para hacerlo sencillo, ágil, homogéneo, actual, sectorial y validado por todas las instituciones de salud", ""),
    ("PMSRS", S, False, "Establecer una guía metodológica que permita tener una planeación homogénea en los 32 SESA, que establezca los criterios o las variables sociodemográficos, epidemiológicos y financieros por utilizar, y las fuentes oficiales de información para cada uno de esos criterios", ""),
    ("PMSRS", S, False, "Evaluar la Herramienta Geo-referenciada actual contra lo requerido", ""),
    ("PMSRS", S, False, "Concluir la integración del nuevo PMSRS para substituir el PMI e integrar la guía metodológica de planeación, el Certificado de Necesidades y la Herramienta Geo-referenciada", ""),
    ("ACMI", S, False, "Desarrollar una Política Nacional de Medicamentos coherente, integral y de largo plazo", ""),
    ("ACMI", S, False, "Implementar la alineación del Cuadro Básico y Catálogo de Insumos del Sector Salud, las GPC y las intervenciones que formarán parte del intercambio de servicios", ""),
    ("ACMI", S, False, "Definir el intercambio de medicamentos y el establecimiento de Precios Máximos de Reembolso de medicamentos dentro del Manual de Lineamientos del Intercambio de Servicios", ""),
    ("ACMI", S, False, "Definir lineamientos y requisitos para una compra coordinada para lograr mejor eficiencia en la adquisición de los medicamentos en los estados", ""),
    ("ACMI", S, False, "Generar una empresa paraestatal u organismo descentralizado federal que realice la adquisición consolidada de medicamentos e insumos para la salud", ""),
    ("ACMI", S, False, "Promover la compra coordinada interinstitucional de vacunas para aumentar la eficiencia y ampliar la intercambiabilidad de servicios preventivos", ""),
    ("ACMI", S, False, "Fortalecer el rol de la Comisión Coordinadora para la Negociación de Precios de Medicamentos y otros Insumos para la Salud y ampliar su marco de operación a otros insumos", ""),
    ("ACMI", S, False, "Fortalecer el rol rector de la federación como ente coordinador de las acciones encaminadas a la integración de funciones del sector", ""),
    # ---- Cuadro 5, Componentes Transversales ----
    ("CA", S, True, "Posicionar SICALIDAD como componente central en la estrategia de convergencia",
     "Aprovechar la red de responsables estatales y de gestores de calidad, así como las instrucciones y los boletines SICALIDAD para hacer explícito su propósito de contribuir a la integración del sector a través de la estandarización de los procesos de atención y el desarrollo de sistemas que garanticen la calidad y la seguridad de los pacientes independientemente de la institución que les brinde el servicio."),
    ("CA", S, False, "Estandarizar los procesos para la atención de emergencias obstétricas",
     "Enfocar acciones de SICALIDAD en el mejoramiento de la atención a emergencias obstétricas en los estados con razones de mortalidad materna más elevadas con base en el convenio firmado por el IMSS, el ISSSTE y la SSA, ofreciendo garantías para un alto nivel de calidad y seguridad basados en los criterios y estándares de acreditación y certificación, así como en la implementación de GPC."),
    ("RHS", S, True, "Elaborar un diagnóstico situacional sobre el número y la distribución de médicos y enfermeras", ""),
    ("RHS", S, False, "Elaborar un diagnóstico situacional sobre el número y la distribución de médicos y enfermeras para la integración del sector",
     "El Cuadro 5 repite casi textualmente la iniciativa RHS-01; el hallazgo asociado se refiere a la formación de técnicos y profesionistas en el área de la salud."),
    ("RHS", S, False, "Definir criterios e indicadores interinstitucionales para la medición del desempeño de médicos y enfermeras", ""),
    ("MLG", S, False, "Impulsar el establecimiento obligatorio del ECE, fijando un plazo de transición, un programa de implantación y un parámetro de comunicación basado en el modelo HL7",
     "Tema: Expediente Clínico Electrónico."),
    ("MLG", S, False, "Desarrollar una adecuada arquitectura jurídica que le dé sustento e institucionalidad a la consolidación de un registro único nacional de beneficiarios de salud",
     "Tema: Padrón General de Salud. Construir parámetros uniformes, consolidar el esquema de traslado de recursos entre instituciones y establecer planes de trabajo formales consensados."),
    ("MLG", S, False, "Dar formalidad al Manual de Lineamientos para el intercambio de servicios en el Sector Salud con mayor claridad conceptual",
     "Tema: Intercambio de Servicios."),
    ("MLG", S, False, "Generar un marco jurídico que dé sustento normativo a las GPC como herramientas del intercambio",
     "Tema: Guías de Práctica Clínica."),
    ("MLG", S, False, "Integrar una empresa paraestatal u organismo descentralizado y dotarla de un marco jurídico siguiendo el modelo utilizado por PEMEX para potenciar el poder consolidado de compra",
     "Tema: Adquisición y compra coordinada de medicamentos e insumos. Esta entidad podría recibir órdenes de surtimiento, como un intermediario para la compra, pagos por cuenta de terceros y realizar la adquisición consolidada de medicamentos e insumos."),
    ("MLG", S, False, "Revisar el contexto normativo del PMSRS para consolidarlo",
     "Tema: Plan Maestro Sectorial de Recursos para la Salud."),
    ("MLG", S, False, "Desarrollar un esquema de organización homogéneo a nivel nacional que fomente la evaluación del desempeño y la eficiencia",
     "Subtema: Seguro Popular de Salud."),
    ("MLG", S, False, "Definir claramente su esquema del financiamiento",
     "Subtema: Seguro Popular de Salud (el esquema de financiamiento del Seguro Popular)."),
    ("MLG", S, False, "Consolidarlo como tercer esquema de aseguramiento público",
     "Subtema: Seguro Popular de Salud (consolidar el Seguro Popular)."),
    ("MLG", S, False, "Constituir a la SSA como rectora de las acciones centrales de conducción del SNS integrado abandonando el control directo del ejercicio de las actividades que corresponden a los estados",
     "Subtema: Papel rector de la SSA."),
    ("MLG", S, False, "Dar precisión a las funciones de la SSA en la Ley Orgánica de la Administración Pública Federal",
     "Subtema: Papel rector de la SSA."),
    ("MLG", S, False, "Consolidar normativamente el esquema de convenios de desempeño entre la Federación y los estados, transformándolos en sistemas de medición de efectividad con indicadores de impacto y resultados",
     "Subtema: Papel rector de la SSA."),
    # ---- Cuadro 6, Plan de ejecución de mediano plazo 2012-2016 ----
    ("PGS", M, False, "Implementar instrumentos legales que blinden la integración y el funcionamiento del PGS", "Continúa en el mediano plazo la iniciativa PGS-02."),
    ("PGS", M, False, "Proveer de un esquema financiero al Padrón General de Salud para su institucionalización estableciendo servicios de valor al ciudadano", "Continúa en el mediano plazo la iniciativa PGS-01."),
    ("PGS", M, False, "Fortalecer la estrategia de interoperabilidad entre los actores", "Continúa en el mediano plazo la iniciativa PGS-04."),
    ("PGS", M, False, "Organizar e integrar la prestación de servicios del Padrón General de Salud", "Continúa en el mediano plazo la iniciativa PGS-03."),
    ("PGS", M, False, "Promover la implementación y la difusión de procedimientos, herramientas y lineamientos relacionados al Padrón General de Salud", "Continúa en el mediano plazo la iniciativa PGS-05."),
    ("GPC", M, False, "Implementar y monitorear el Programa de Trabajo y la estrategia para la administración del cambio", ""),
    ("GPC", M, False, "Coordinar y supervisar, junto con los líderes del ECE a nivel estatal e institucional, la incorporación de las GPC al flujo operativo del ECE", ""),
    ("GPC", M, False, "Continuar con el proceso de validación externa de las GPC", ""),
    ("GPC", M, False, "Continuar con el trabajo coordinado entre los responsables del desarrollo de GPC y la CICBISS, y monitorear su aplicabilidad", ""),
    ("GPC", M, False, "Fortalecer el programa sectorial para la formación de expertos a nivel nacional para el desarrollo de GPC y capacitación al personal médico", ""),
    ("GPC", M, False, "Coordinar el desarrollo de GPC entre el CENETEC y la Comisión Interinstitucional para el Intercambio de Servicios", ""),
    ("GPC", M, False, "Consolidar la normatividad para la asignación permanente de presupuesto a nivel estatal e institucional del programa de GPC", ""),
    ("GPC", M, False, "Desarrollar e implementar una plataforma educativa (LMS y repositorio de objetos digitales) para la difusión y capacitación de GPC", ""),
    ("INTS", M, False, "Establecer los sistemas para el registro y monitoreo oportuno y confiable de los pacientes que se atienden en una institución diferente a la cual se encuentran afiliados", ""),
    ("INTS", M, False, "Implementar los mecanismos y sistemas de monitoreo del pago, con el fin de garantizar la conclusión exitosa del intercambio de servicios de manera automatizada", ""),
    ("INTS", M, False, "Adecuar y realizar acciones para la implementación de los convenios específicos para Alta Especialidad", ""),
    ("INTS", M, False, "Acciones encaminadas para el logro de mercado de servicios ordenado automatizado", ""),
    ("INTS", M, False, "Establecer los mecanismos financieros que permitan el cumplimiento de las promesas de garantías de plazo propuestas", ""),
    ("INTS", M, False, "Desarrollar acciones complementarias a los esfuerzos realizados que permitan madurar la integración funcional del SNS y una transición ordenada hacia el Sistema Único de Salud", ""),
    ("INTS", M, False, "Desarrollar acciones complementarias a los esfuerzos realizados que permitan establecer las bases de un Sistema Único de Salud", ""),
    ("PMSRS", M, False, "Gestionar cambios al marco legal para integrar el PMSRS", ""),
    ("PMSRS", M, False, "Ejecutar el plan de trabajo para implementar el PMSRS", ""),
    ("PMSRS", M, False, "Definir y establecer Indicadores del PMSRS", ""),
    ("PMSRS", M, False, "Integrar resultados del PMSRS en el PNI", ""),
    ("MLG", M, False, "Impulsar un esquema de organización homogéneo a nivel estatal, que fomente la evaluación del desempeño y la eficiencia",
     "Subtema: Futuro de la protección social en salud."),
    ("MLG", M, False, "Reformular el esquema del financiamiento del Seguro Popular",
     "Subtema: Futuro de la protección social en salud."),
    ("MLG", M, False, "Impulsar la afiliación obligatoria al Seguro Popular",
     "Subtema: Futuro de la protección social en salud. En el Cuadro 6 este renglón continúa con el texto repetido de MLG-13 («Impulsar un esquema de organización homogéneo a nivel estatal…»), que se omitió aquí."),
    ("MLG", M, False, "Construir un modelo conceptual del ejercicio compartido de la rectoría, entre federación y estados",
     "Subtema: Consolidación de las funciones rectoras."),
    ("MLG", M, False, "Impulsar un esquema de financiamiento para la salud pública",
     "Subtema: Consolidación de las funciones rectoras."),
    ("MLG", M, False, "Actualizar las funciones de la Secretaría de Salud federal",
     "Subtema: Consolidación de las funciones rectoras."),
    ("MLG", M, False, "Revisar el marco legislativo integral que regula la prestación pública de servicios de salud",
     "Subtema: Revisión legal profunda para generación de propuestas."),
    ("MLG", M, False, "Generar iniciativas de actualización",
     "Subtema: Revisión legal profunda para generación de propuestas."),
    ("MLG", M, False, "Integrar un paquete de servicios para toda la población",
     "Subtema: Reforma del sistema de salud."),
    ("MLG", M, False, "Generar la figura de un pagador único",
     "Subtema: Reforma del sistema de salud."),
    ("MLG", M, False, "Consolidar la figura de organizaciones articuladoras o compradoras de servicios",
     "Subtema: Reforma del sistema de salud."),
]


def d(s):
    return dt.date.fromisoformat(s)


def minus_year(x):
    return x.replace(year=x.year - 1)


def plus_year(x):
    return x.replace(year=x.year + 1)


def phases(start, end):
    """Cuadro 8 phase dates (rule documented in README.md)."""
    s, e = d(start), d(end)
    f_end = SHORT_HORIZON_END if s <= SHORT_HORIZON_END else plus_year(s) - dt.timedelta(days=1)
    i_end = min(max(MEDIUM_HORIZON_END, plus_year(f_end)), minus_year(e))
    assert s <= f_end < i_end < e, (start, end)
    one = dt.timedelta(days=1)
    return {
        "formulation": {"start": s.isoformat(), "end": f_end.isoformat()},
        "implementation": {"start": (f_end + one).isoformat(), "end": i_end.isoformat()},
        "monitoring": {"start": (i_end + one).isoformat(), "end": e.isoformat()},
    }


def build_seed():
    imps = []
    for iid, name, desc, own, comps in IMPERATIVES:
        o = {"id": iid, "name": name}
        if desc:
            o["description"] = desc
        o["weight"] = IMPERATIVE_WEIGHT
        if own:
            o["start"], o["end"] = own
        o["components"] = [{"component": c, "weight": MEMBER_WEIGHT} for c in comps]
        imps.append(o)
    comps = []
    for cid, name, desc, start, end in COMPONENTS:
        comps.append({"id": cid, "name": name, "description": desc, "start": start, "end": end,
                      "actualProgress": 0, "phases": phases(start, end)})
    inits = []
    for cid, *_ in COMPONENTS:
        n = 0
        for hz in (S, M):
            for comp, h, qw, name, notes in INITIATIVES:
                if comp != cid or h != hz:
                    continue
                n += 1
                start, end = SHORT if h == S else MEDIUM
                inits.append({"id": f"{cid}-{n:02d}", "name": name, "component": cid, "horizon": h,
                              "quickWin": qw, "start": start, "end": end, "weight": 1,
                              "actualProgress": 0, "milestones": [], "notes": notes})
    return {"formatVersion": 2,
            "name": "Portafolio de proyectos para la integración funcional del SNS",
            "reportDate": "2011-09-01", "tolerance": -30,
            "imperatives": imps, "components": comps, "initiatives": inits,
            "indicators": seed_indicators()}


# ---------------------------------------------------------------- indicators
# The source names one expected benefit per imperative (§VII: the portfolio groups the
# initiatives "en torno a beneficios esperados"; the benefit is the imperative's own name in
# Cuadro 9) and gives no indicator, unit, baseline, goal or measurement for any of them. The
# SSA file therefore carries one indicator per imperative with the benefit's name and nothing
# invented: no unit, no baseline, no goals, no measurements (Tablero shows "Sin meta").
# Trend: "Reducción" of waiting times is descending; more opportunity, quality and equality
# are ascending, as the names say. Periodicity is left at the format's default (annual).
SEED_SOURCE = "Seed 000, cap. VII (Cuadro 9): beneficio esperado del imperativo; la fuente no da línea base, meta ni mediciones."
SEED_INDICATORS = [
    ("1.1", "RTE", "Reducción de tiempos de espera", "descending",
     SEED_SOURCE + " Cap. IX: «Consolidar el intercambio actual en materia de servicios de alta especialidad reduciendo tiempos de espera.»"),
    ("2.1", "OAM", "Oportunidad de abasto de medicamentos", "ascending", SEED_SOURCE),
    ("3.1", "CAM", "Calidad en la atención médica", "ascending",
     SEED_SOURCE + " Cap. IX: «Homogeneizar la calidad del servicio a través de guías de práctica clínica y garantía de calidad.»"),
    ("4.1", "IOS", "Igualdad de oportunidades en salud", "ascending", SEED_SOURCE),
]


def indicator(iid, owner, name, trend, unit="", kind="strategic", periodicity="annual",
              accumulation="periodic", baseline=None, goals=(), final=None, method="", source="",
              measurements=()):
    o = {"id": iid, "name": name, "owner": owner, "unit": unit, "kind": kind, "trend": trend,
         "periodicity": periodicity, "accumulation": accumulation, "baseline": baseline,
         "goals": list(goals), "finalGoal": final}
    if method:
        o["method"] = method
    if source:
        o["source"] = source
    o["measurements"] = list(measurements)
    return o


def target(year, value, reason=""):
    t = {"year": year, "value": value}
    if reason:
        t["reason"] = reason
    return t


def measure(date, value, note="", reason=""):
    m = {"date": date, "value": value}
    if reason:
        m["reason"] = reason
    if note:
        m["note"] = note
    return m


def seed_indicators():
    return [indicator(i, o, n, t, source=src) for i, o, n, t, src in SEED_INDICATORS]


# The demo's indicators are FICTITIOUS (names, units, goals and series invented for
# demonstration), chosen to show every state at 30/06/2013: red, yellow, green, "Sin
# medición" (an N.D. value) and a descending indicator.
DEMO_SOURCE = "FICTICIO: serie inventada para el demo."
DEMO_INDICATORS = [
    indicator("1.1", "RTE", "Días de espera para cirugía programada de alta especialidad", "descending",
              unit="días", kind="strategic", periodicity="quarterly",
              baseline=target(2011, 45), goals=[target(2013, 38)], final=target(2016, 25),
              method="Promedio de días entre la referencia y la cirugía.", source=DEMO_SOURCE,
              measurements=[measure("2012-03-31", 44), measure("2012-06-30", 43), measure("2012-09-30", 42.5),
                            measure("2012-12-31", 41), measure("2013-03-31", 41.5),
                            measure("2013-06-30", 42, "Repunte por la saturación de quirófanos (ficticio).")]),
    indicator("1.2", "RTE", "Referencias entre instituciones atendidas en menos de 30 días", "ascending",
              unit="porcentaje", kind="management", periodicity="semiannual",
              baseline=target(2011, 52), final=target(2016, 80), source=DEMO_SOURCE,
              measurements=[measure("2012-06-30", 55), measure("2012-12-31", 58), measure("2013-06-30", 60.5)]),
    indicator("2.1", "OAM", "Recetas surtidas completas", "ascending",
              unit="porcentaje", kind="strategic", periodicity="quarterly", accumulation="periodic",
              baseline=target(2011, 68), goals=[target(2013, 78)], final=target(2015, 90), source=DEMO_SOURCE,
              measurements=[measure("2012-12-31", 72), measure("2013-03-31", 73.5), measure("2013-06-30", 74)]),
    indicator("3.1", "CAM", "Infecciones asociadas a la atención por 1 000 días-paciente", "descending",
              unit="tasa por 1 000 días-paciente", kind="strategic", periodicity="annual",
              baseline=target(2011, 6.5), final=target(2016, 4), source=DEMO_SOURCE,
              measurements=[measure("2012-12-31", 5.9)]),
    indicator("3.2", "CAM", "Unidades médicas que aplican las guías de práctica clínica", "ascending",
              unit="porcentaje", kind="management", periodicity="annual", accumulation="cumulative",
              baseline=target(2011, None, "N.D."), goals=[target(2013, 40)], final=target(2016, 75), source=DEMO_SOURCE,
              measurements=[measure("2012-12-31", None, "Encuesta de unidades pospuesta (ficticio).", "N.D.")]),
    indicator("4.1", "IOS", "Población adscrita en el Padrón General de Salud", "ascending",
              unit="porcentaje", kind="strategic", periodicity="annual", accumulation="cumulative",
              baseline=target(2011, 35), final=target(2018, 100), source=DEMO_SOURCE),
]


# ---------------------------------------------------------------- demo
DEMO_PROGRESS = {
    "ECE": [100, 100, 100, 100, 100],
    "PGS": [100, 90, 75, 100, 60, 15, 10, 0, 20, 5],
    "INTS": [100, 80, 100, 90, 50, 75, 100, 15, 10, 20, 5, 0, 10, 0],
    "GPC": [100, 100, 100, 100, 20, 15, 25, 15, 10, 12, 5, 20],
    "PMSRS": [60, 30, 50, 45, 20, 5, 0, 10, 0],
    "ACMI": [50, 80, 60, 40, 20, 100, 100, 100],
    "CA": [100, 80],
    "RHS": [0, 0, 0],
    "MLG": [80, 80, 100, 90, 30, 60, 80, 75, 60, 70, 100, 85,
            10, 5, 0, 15, 10, 20, 5, 0, 10, 0, 0],
}
RED_40 = "ACMI-04"

DEMO_NOTE = "[DEMO] "
DEMO_EXTRA = {
    "ECE-01": {
        "responsible": "DGIS (ficticio)",
        "milestones": [
            {"name": "Programa presupuestal del ECE autorizado", "due": "2012-02-29", "done": "2012-02-20", "weight": 50},
            {"name": "Primer informe de monitoreo presupuestal", "due": "2012-09-30", "done": "2012-10-15", "weight": 50},
        ],
        "note": "Concluida; el informe de monitoreo se entregó dos semanas tarde.",
    },
    "INTS-05": {
        "milestones": [
            {"name": "Evaluación de garantías de plazo en tres entidades", "due": "2012-06-30", "done": "2012-08-15", "weight": 50},
            {"name": "Propuesta de garantías de plazo", "due": "2012-11-30", "done": None, "weight": 50},
        ],
        "note": "La propuesta espera la definición de los mecanismos financieros (INTS-12).",
    },
    "GPC-05": {
        "responsible": "CENETEC (ficticio)",
        "milestones": [
            {"name": "Tablero de indicadores de GPC en operación", "due": "2013-03-31", "done": "2013-03-28", "weight": 10},
            {"name": "Informe anual 2013", "due": "2013-12-31", "done": None, "weight": 30},
            {"name": "Informe anual 2015", "due": "2015-12-31", "done": None, "weight": 30},
            {"name": "Cierre del Programa de Trabajo", "due": "2016-12-31", "done": None, "weight": 30},
        ],
        "note": "Adelantada respecto al plan.",
    },
    RED_40: {
        "responsible": "Comisión Coordinadora (ficticio)",
        "milestones": [
            {"name": "Borrador de lineamientos de compra coordinada", "due": "2012-03-31", "done": "2012-05-15", "weight": 40},
            {"name": "Consulta con los SESA", "due": "2012-07-31", "done": None, "weight": 30},
            {"name": "Publicación de lineamientos", "due": "2012-11-30", "done": None, "weight": 30},
        ],
        "note": "Reunión de seguimiento 24/06/2013: los lineamientos siguen en revisión jurídica.",
    },
    "PMSRS-02": {"note": "Sin consenso interinstitucional sobre el formato del Certificado de Necesidades."},
    "MLG-05": {"note": "Depende de una reforma legal; se propone reprogramar."},
}
RHS_DEMO_NOTE = ("Fechas reprogramadas en el demo a las del componente RHS en el Cuadro 9 "
                 "(02/04/2016–31/12/2018) para mostrar el estado «No iniciado».")


def build_demo(seed):
    demo = json.loads(json.dumps(seed))
    demo["name"] = seed["name"] + " (DEMO: avances ficticios)"
    demo["reportDate"] = "2013-06-30"
    comp_dates = {c["id"]: (c["start"], c["end"]) for c in demo["components"]}
    counters = {}
    for ini in demo["initiatives"]:
        cid = ini["component"]
        k = counters.get(cid, 0)
        counters[cid] = k + 1
        ini["actualProgress"] = DEMO_PROGRESS[cid][k]
        notes = [ini["notes"]] if ini["notes"] else []
        if cid == "RHS":
            ini["start"], ini["end"] = comp_dates["RHS"]
            notes.append(DEMO_NOTE + RHS_DEMO_NOTE)
        extra = DEMO_EXTRA.get(ini["id"])
        if extra:
            if "responsible" in extra:
                # keep key order: responsible goes after quickWin
                items = list(ini.items())
                pos = [k for k, _ in items].index("quickWin") + 1
                items.insert(pos, ("responsible", extra["responsible"]))
                ini.clear()
                ini.update(items)
            ini["milestones"] = extra.get("milestones", [])
            notes.append(DEMO_NOTE + extra["note"])
        ini["notes"] = " ".join(notes)
    for cid, vals in DEMO_PROGRESS.items():
        assert counters[cid] == len(vals), cid
    demo["indicators"] = DEMO_INDICATORS
    return demo


def dump(obj, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    seed = build_seed()
    dump(seed, os.path.join(HERE, "portafolio-ssa.json"))
    dump(build_demo(seed), os.path.join(HERE, "portafolio-demo.json"))
    print("initiatives:", len(seed["initiatives"]))
