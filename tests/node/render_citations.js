// Render citation files with citeproc-js (citation-js 0.8.2): node render_citations.js STYLE ACCESSED FILE...
// STYLE: "apa" (APA 7, the style citation-js ships) or a path to a CSL style (gost-r-7-0-5-2008).
// ACCESSED: YYYY-MM-DD, the access date a reader's reference manager records on saving.
// Prints JSON: {file: {"item": the CSL item citation-js read, "text": the bibliography entry}}.
'use strict'
const fs = require('fs')
const path = require('path')
const { Cite, plugins } = require('@citation-js/core')
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-ris')
require('@citation-js/plugin-csl')

const [styleArg, accessed, ...files] = process.argv.slice(2)
let template = styleArg
let lang = 'en-US'
if (styleArg !== 'apa') {
  template = path.basename(styleArg, '.csl')
  plugins.config.get('@csl').styles.add(template, fs.readFileSync(styleArg, 'utf8'))
  lang = 'ru-RU'
}

// citation-js reads RIS by the RIS specification's table of fields per type, which gives an
// ELEC (web page) record no container, no translator and no original title: the site (T2), the
// translator (A4) and the original publication's title (OP) are taken from the record's own lines.
function risFields (text, item) {
  const lines = text.split(/\r?\n/)
  const values = tag => lines.filter(l => l.startsWith(tag + '  - ')).map(l => l.slice(6).trim())
  if (item.type === 'webpage') {
    if (!item['container-title'] && values('T2').length) item['container-title'] = values('T2')[0]
    if (!item.translator && values('A4').length) item.translator = values('A4').map(literal => ({ literal }))
    if (!item['original-title'] && values('OP').length) item['original-title'] = values('OP')[0]
    delete item['collection-title']
  }
}

const out = {}
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8')
  const data = file.endsWith('.json') ? JSON.parse(text) : text
  const cite = new Cite(data)
  const item = cite.data[0]
  if (file.endsWith('.ris')) risFields(text, item)
  delete item._graph
  const parts = accessed.split('-').map(Number)
  const rendered = new Cite([{ ...item, accessed: { 'date-parts': [parts] } }])
  out[file] = { item, text: rendered.format('bibliography', { template, lang, format: 'text' }).trim() }
}
process.stdout.write(JSON.stringify(out, null, 1))
