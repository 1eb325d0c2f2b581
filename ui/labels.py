"""Every word the web app shows, in Spanish and English, so no page hard-codes a language."""

from agent.models import Language

LABELS: dict[str, dict[Language, str]] = {
    "tagline": {
        "es": "Pregunta por una estadística oficial: te doy la cifra exacta, su fuente y el SQL que la calculó.",
        "en": "Ask about an official statistic: you get the exact figure, its source and the SQL behind it.",
    },
    "chat": {"es": "Chat", "en": "Chat"},
    "analyst": {"es": "Analista", "en": "Analyst"},
    "english": {"es": "English", "en": "English"},
    "loading": {
        "es": "Cargando la base de datos y el índice de indicadores (solo la primera vez)…",
        "en": "Loading the database and the indicator index (first time only)…",
    },
    "not_ready": {
        "es": "Cifra no pudo abrir su base de datos y su índice. Si aún no están construidos, ejecuta "
              "`bash scripts/start.sh` (o `cifra catalog build`) y recarga la página.",
        "en": "Cifra could not open its database and index. If they are not built yet, run "
              "`bash scripts/start.sh` (or `cifra catalog build`) and reload the page.",
    },
    "unexpected": {
        "es": "Algo falló al mostrar esta página. Inténtalo de nuevo; el detalle quedó en el registro del "
              "servidor.",
        "en": "Something went wrong showing this page. Please try again; the details are in the server log.",
    },
    "ask": {"es": "Escribe tu pregunta…", "en": "Type your question…"},
    "examples": {"es": "Prueba con un ejemplo:", "en": "Try an example:"},
    "thinking": {"es": "Calculando…", "en": "Calculating…"},
    "model_progress": {"es": "Interpretando la pregunta con el modelo… {seconds} s",
                       "en": "Reading the question with the model… {seconds} s"},
    "show_sql": {"es": "Ver SQL", "en": "Show SQL"},
    "show_data": {"es": "Ver datos ({count})", "en": "Show data ({count})"},
    "exact_value": {"es": "Valor exacto", "en": "Exact value"},
    "plan_title": {"es": "Plan", "en": "Plan"},
    "plan_json": {"es": "Plan de la última respuesta (JSON, editable)", "en": "Plan of the last answer (JSON, editable)"},
    "plan_none": {"es": "Haz una pregunta en el chat: su plan aparecerá aquí.", "en": "Ask a question in the chat: its plan shows here."},
    "run_plan": {"es": "Ejecutar plan", "en": "Run plan"},
    "other_readings": {"es": "¿Querías decir?", "en": "Did you mean?"},
    "chosen_reading": {"es": "Otra lectura: {label}", "en": "Another reading: {label}"},
    "download_csv": {"es": "Descargar CSV", "en": "Download CSV"},
    "source_line": {
        "es": "**Fuente:** {publisher}, {dataset} ({indicator}) · Licencia {license} · Versión {vintage} · "
              "[enlace]({url})",
        "en": "**Source:** {publisher}, {dataset} ({indicator}) · License {license} · Vintage {vintage} · "
              "[link]({url})",
    },
    "no_vintage": {"es": "no indicada", "en": "not stated"},
    "feedback_prompt": {"es": "¿Te sirvió esta respuesta?", "en": "Was this answer useful?"},
    "comment": {"es": "Comentario (opcional)", "en": "Comment (optional)"},
    "send": {"es": "Enviar opinión", "en": "Send feedback"},
    "pick_rating": {
        "es": "Elige un pulgar (arriba o abajo) antes de enviar.",
        "en": "Pick a thumb (up or down) before sending.",
    },
    "thanks": {"es": "¡Gracias por tu opinión!", "en": "Thanks for your feedback!"},
    "database": {"es": "Base de datos", "en": "Database"},
    "built_at": {"es": "Construida el {date} · WDI: {scope}", "en": "Built on {date} · WDI: {scope}"},
    "counts": {
        "es": "{observation} valores · {indicator} indicadores · {area} territorios · {source} fuentes",
        "en": "{observation} values · {indicator} indicators · {area} areas · {source} sources",
    },
    "vintages": {"es": "Versiones de las fuentes", "en": "Source vintages"},
    "model": {"es": "Modelo", "en": "Model"},
    "model_stopped": {
        "es": "se inicia con la primera pregunta que lo necesite",
        "en": "starts with the first question that needs it",
    },
    "model_starting": {"es": "iniciando el servidor del modelo…", "en": "starting the model server…"},
    "model_ready": {"es": "listo, en su propio proceso", "en": "ready, in its own process"},
    "model_crashed": {"es": "no disponible ({detail})", "en": "unavailable ({detail})"},
    "model_setup": {"es": "preparándose: {progress}", "en": "being prepared: {progress}"},
    "model_server": {"es": "servidor {url}", "en": "server {url}"},
    "catalog_title": {"es": "Catálogo de indicadores", "en": "Indicator catalog"},
    "catalog_search": {"es": "Buscar un indicador", "en": "Search for an indicator"},
    "catalog_hint": {
        "es": "Busca por tema, en español o inglés: «desempleo juvenil», «life expectancy»…",
        "en": "Search by topic, in Spanish or English: «youth unemployment», «esperanza de vida»…",
    },
    "catalog_empty": {"es": "Ningún indicador coincide.", "en": "No indicator matches."},
    "unit": {"es": "Unidad", "en": "Unit"},
    "source": {"es": "Fuente", "en": "Source"},
    "license": {"es": "Licencia", "en": "License"},
    "coverage": {
        "es": "Cobertura: {first} a {last} · territorios con datos: {areas}",
        "en": "Coverage: {first} to {last} · areas with data: {areas}",
    },
    "no_coverage": {"es": "Cobertura: sin valores cargados", "en": "Coverage: no values loaded"},
    "siblings": {"es": "Variantes de la misma familia", "en": "Variants in the same family"},
    "workbench_title": {"es": "Banco de pruebas SQL", "en": "SQL workbench"},
    "workbench_help": {
        "es": "Solo lectura: cada consulta pasa por la misma verificación y ejecución que el chat.",
        "en": "Read-only: every query goes through the same vetting and execution as the chat.",
    },
    "workbench_sql": {"es": "Consulta SQL", "en": "SQL query"},
    "run": {"es": "Ejecutar", "en": "Run"},
    "rows_in": {"es": "{count} filas en {ms} ms", "en": "{count} rows in {ms} ms"},
    "truncated": {
        "es": "Se muestran las primeras {count} filas; puede haber más.",
        "en": "Showing the first {count} rows; there may be more.",
    },
}

EXAMPLES: tuple[str, ...] = (
    "PIB per cápita de Chile 2020",
    "desempleo en Chile según el INE",
    "top 5 países de Sudamérica por esperanza de vida en 2019",
    "compare unemployment in Chile and Peru since 2015",
)


def text(key: str, language: Language, **params: object) -> str:
    """The label ``key`` in ``language``, with ``params`` filled in."""
    return LABELS[key][language].format(**params)
