/** The figures of one day's report (日报), as the text is written from them. */
export interface DailyFigures {
  date: string;
  calls: number;
  online: { total: number; byChannel: { name: string; count: number }[] };
  handledDirectly: number;
  transferred: number;
  hotTopics: { categoryName: string; count: number; concentrated: boolean; spots?: { unitName: string; categoryName: string; count: number }[] }[];
  safety: { total: number; byChannel: { name: string; count: number }[] };
}

/** `2026-10-15` → `10月15日`. */
export const chineseDate = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * The daily report in the published form (DOMAIN.md):
 * 10月15日，12345政务服务便民热线接听群众来电诉求N件次，网民留言M件（微信公众号a件，市政府网b件），
 * 直接办理X件，转交责任单位办理Y件。热点问题：1. 物业管理p件，无集中反映问题。2. …
 * 安全隐患举报S件，其中12345热线接收s1件、消防救援支队接收s2件。
 */
export function dailyText(f: DailyFigures): string {
  const online = f.online.byChannel.filter((c) => c.count > 0);
  const onlinePart = `网民留言${f.online.total}件${online.length ? `（${online.map((c) => `${c.name}${c.count}件`).join('，')}）` : ''}`;
  const head = `${chineseDate(f.date)}，12345政务服务便民热线接听群众来电诉求${f.calls}件次，${onlinePart}，直接办理${f.handledDirectly}件，转交责任单位办理${f.transferred}件。`;
  const topics = f.hotTopics.length
    ? f.hotTopics
        .map((t, i) => {
          const spots = (t.spots ?? []).map((s) => `${s.unitName}集中反映${s.categoryName}问题${s.count}件`).join('，');
          return `${i + 1}. ${t.categoryName}${t.count}件，${t.concentrated ? `其中${spots || '存在集中反映问题'}。` : '无集中反映问题。'}`;
        })
        .join('')
    : '无。';
  const safetyChannels = f.safety.byChannel.filter((c) => c.count > 0);
  const safety = `安全隐患举报${f.safety.total}件${safetyChannels.length ? `，其中${safetyChannels.map((c) => `${c.name}接收${c.count}件`).join('、')}` : ''}。`;
  return `${head}热点问题：${topics}${safety}`;
}
