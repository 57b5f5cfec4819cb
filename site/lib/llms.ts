/** The guides as llms.txt lists them: title, description and order, per language (from the content layer). */
import { getCollection } from 'astro:content';
import type { GuideEntry } from '../../scripts/generate/llms.ts';

export async function guideEntries(): Promise<GuideEntry[]> {
  return (await getCollection('guides')).map((g) => {
    const [lang, slug] = g.id.split('/');
    return { lang: lang as GuideEntry['lang'], slug, title: g.data.title, description: g.data.description, order: g.data.order };
  });
}
