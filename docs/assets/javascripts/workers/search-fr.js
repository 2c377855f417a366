/*
 * Material's search worker, with French stemming of the reader's words.
 *
 * Material appends a wildcard to every word of a query ("découpler" is sent as
 * "découpler*", so that results come while typing), and lunr never stems a word
 * that has a wildcard: a query only finds words that begin with what was typed.
 * This worker runs Material's own (named in this file's query string, by the
 * site's hooks: build_tools/publish/search_index.py) and, before Material sees a query,
 * replaces each word by its French stem when the stem begins the word
 * ("découpler" → "découpl", which finds "découplage" and "découplé"), and adds
 * the stem otherwise ("intelligence" → "intelligence intelligent"). Articles
 * are indexed by the same stems (build_tools/publish/search_index.py, index_terms).
 */
"use strict"

/* Material's message types (SearchMessageType) */
const SETUP = 0
const QUERY = 2

/* Keep Material's message listener, to call it with the rewritten query */
let material = null
const listen = self.addEventListener
self.addEventListener = (type, listener, options) => {
  if (type === "message")
    material = listener
  else
    listen.call(self, type, listener, options)
}
importScripts(decodeURIComponent(location.search.slice(1)))
self.addEventListener = listen

let separator = /[\s\-]+/

/*
 * The terms that find a word of the query: its stem when the stem begins the word,
 * else the word and its stem; none for a stop word ("l’OTAN" → "otan"), unless it is
 * the word being typed. A word marked + (required) or - (excluded) keeps its mark and
 * gets the wildcard Material does not add to it.
 */
function terms(word, presence, typing) {
  const token = lunr.fr.trimmer(new lunr.Token(word.toLowerCase()))
  const trimmed = token.toString()
  if (!trimmed || !lunr.fr.stopWordFilter(token))
    return typing ? [word] : []
  const stem = lunr.fr.stemmer(new lunr.Token(trimmed)).toString()
  const prefix = trimmed.startsWith(stem)
  if (presence)
    return [`${presence}${prefix ? stem : trimmed}*`]
  return prefix ? [stem] : [trimmed, stem]
}

/* Stem the words of a query; leave the rest of lunr's syntax (word~1 field:word) as typed */
function stemQuery(query) {
  if (typeof lunr.fr === "undefined")
    return query
  const parts = query
    .split(/"([^"]*)"/)                  /* "a b": both required, as Material does */
    .map((part, i) => i % 2 ? part.replace(/(^|\s+)(?=\S)/g, " +") : part)
    .join(" ")
    .trim()
    .split(/\s+/)
  return parts.flatMap((part, p) => {
    const [, presence, rest] = /^([+-]?)(.*)$/.exec(part)
    if (/[*~^:"+]/.test(rest))
      return [part]
    const words = rest.split(separator).filter(word => word)
    return words.flatMap((word, w) => terms(
      word, presence, !presence && p === parts.length - 1 && w === words.length - 1
    ))
  }).join(" ")
}

listen.call(self, "message", ev => {
  let message = ev.data
  if (message.type === SETUP)
    separator = new RegExp(message.data.config.separator)
  else if (message.type === QUERY && typeof message.data === "string")
    message = { ...message, data: stemQuery(message.data) }
  return material({ data: message })
})
