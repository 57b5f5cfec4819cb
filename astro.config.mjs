// The documentation site: Astro renders site/ (pages, layouts, components) and
// content/guides/ into build/site; scripts/build-site.ts then adds the Pagefind
// index. Run it with `npm run build:site`, never `astro build` alone.
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { SITE_URL } from './scripts/site-url.ts';
import { alternates } from './site/lib/page-meta.ts';

export default defineConfig({
  site: SITE_URL,
  srcDir: './site',
  publicDir: './site/public',
  outDir: './build/site',
  trailingSlash: 'always',
  // No inline script or style: the Content-Security-Policy (site/public/_headers)
  // allows only the site's own files, so CSS and scripts go to /_astro/ files.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: {
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro marks MDX modules with a "use astro:head-inject" directive that
        // the bundler warns it may drop; Astro does not rely on it surviving
        // (withastro/astro#18087). Every other message goes through.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && String(log.message).includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
  // Prism marks code with classes (coloured by site.css); Shiki would use style attributes.
  markdown: { syntaxHighlight: 'prism' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // No images are processed; keep Astro away from sharp.
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  i18n: {
    locales: ['zh', 'en'],
    defaultLocale: 'zh',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [
    mdx(),
    sitemap({
      // Search results and not-found pages are not content (record /en/errors/404/ is).
      filter: (page) => !/^\/(?:(?:zh|en)\/)?(?:search|404)\/?$/.test(new URL(page).pathname),
      // Each page's alternates, by the rule its own <link rel="alternate"> follow.
      serialize: (item) => ({
        ...item,
        links: alternates(new URL(item.url).pathname).map((a) => ({ lang: a.hreflang, url: SITE_URL + a.path })),
      }),
    }),
  ],
});
