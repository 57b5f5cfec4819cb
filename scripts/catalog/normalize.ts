/**
 * The one normal form of search words, shared by the catalog check of
 * data/synonyms.yaml (scripts/catalog/search-words.ts), the build of the search
 * data and the search box in the browser (site/scripts/query.ts). Pure: no
 * Node or DOM API, so every side can import it.
 */

/**
 * One form for every way of writing the same words: NFKC (full-width letters,
 * digits and punctuation become ASCII), camelCase split (resourceId →
 * resource id), lower case, every character that is neither a letter, a digit
 * nor Chinese becomes a space, Chinese runs stand apart from Latin words.
 */
export function normalize(text: string): string {
  return text
    .slice(0, 4000)
    .normalize('NFKC')
    // Traditional characters (and Cantonese words) as the simplified ones the catalog writes: 帳戶欠費 = 账户欠费.
    .replace(TRADITIONAL, (c) => SIMPLIFIED.get(c) ?? c)
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{Script=Han})(?=[^\p{Script=Han}\s])|([^\p{Script=Han}\s])(?=\p{Script=Han})/gu, '$1$2 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Traditional characters people in Taiwan and Hong Kong type, and Cantonese words (係, 咗, 冇), each followed by the
 * simplified character the catalog has: the ones its texts use, and the words of a question around them.
 */
const TRADITIONAL_PAIRS = '敗败據据導导確确測测試试復复複复機机離离帶带選选擇择條条項项鏈链庫库優优術术週周氣气紅红綠绿負负誌志邏逻輯辑製制錄录頻频無无過过請请參参數数錯错誤误資资開开啟启檔档傳传雲云儲储憑凭證证權权異异態态狀状務务應应號号碼码稱称時时間间長长發发網网絡络關关閉闭結结會会議议帳账戶户們们麼么這这個个為为後后還还沒没嗎吗說说該该費费詢询調调題题問问壓压縮缩檢检設设訂订閱阅畫画佈布區区別别樣样麗丽實实際际連连線线斷断續续訊讯標标準准體体產产達达處处讓让給给從从對对於于與与並并見见單单雙双頭头現现記记憶忆歷历紀纪頁页點点擊击鍵键鑰钥認认驗验簽签貨货幣币額额價价滿满載载轉转換换輸输節节齊齐層层級级屬属義义專专業业廣广東东島岛灣湾讀读寫写報报裡里盡尽儘尽齒齿亂乱幾几歲岁遲迟舊旧變变顯显動动聽听視视聲声雜杂語语辦办維维護护運运營营總总計计億亿萬万隊队員员創创刪删錢钱係是嚟来咗了冇没啲些喺在唔不嘅的邊边諗想睇看攞拿俾给仲还嗰那';
const SIMPLIFIED = new Map<string, string>([...TRADITIONAL_PAIRS].flatMap((c, i, all) => (i % 2 ? [] : [[c, all[i + 1]] as [string, string]])));
const TRADITIONAL = new RegExp(`[${[...SIMPLIFIED.keys()].join('')}]`, 'gu');
