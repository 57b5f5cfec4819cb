/**
 * The Content-Security-Policy every page carries in a <meta>: the one
 * site/public/_headers sends for `/*`, less the directives a <meta> cannot
 * carry (frame-ancestors). Read from that file at build time, so the two never differ.
 */
import headersFile from '../public/_headers?raw';
import { metaPolicy, pagePolicy, parseHeaders } from '../../scripts/headers.ts';

export const META_CSP: string = metaPolicy(pagePolicy(parseHeaders(headersFile)));
