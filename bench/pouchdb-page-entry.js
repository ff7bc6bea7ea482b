// Entry for the PouchDB bundle loaded into the benchmark page (see pouchdb-anchor.ts).
import PouchDB from 'pouchdb-browser';

export default PouchDB;
