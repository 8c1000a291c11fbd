// search-api.js: whether the search page has a server's search API.
// `dossier serve` answers this address itself, with the theme's
// search-remote.js (the engine that asks its API) and a line that sets
// window.dossierSearchApi to the API's address (relative to the site's
// root). As a file of the site (opened from a share, or from a plain web
// server) it sets nothing: the page then searches the browser index at
// once, without asking for an API that is not there.
