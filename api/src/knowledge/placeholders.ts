/** The actions whose text a template may fill. */
export const TEMPLATE_ACTIONS = ['reply', 'close_directly', 'comment', 'return', 'reject', 'request_extension', 'follow_up'] as const;

/** What a template's placeholders stand for, read from the case. */
export interface TemplateFacts {
  resident: string | null;
  unit: string | null;
  due: string | null;
  number: string;
  category: string | null;
}

const PLACEHOLDERS: Record<string, keyof TemplateFacts> = { 居民: 'resident', 单位: 'unit', 时限: 'due', 编号: 'number', 分类: 'category' };

/**
 * `{居民}您好，您反映的问题已转{单位}办理，将于{时限}前办结。` with the case's facts; a placeholder the case has no
 * value for stays as written (the agent sees what to fill), and braces that name nothing are left alone.
 */
export function fillTemplate(text: string, facts: TemplateFacts): string {
  return text.replace(/\{([^{}]{1,10})\}/g, (whole, name: string) => {
    const key = PLACEHOLDERS[name.trim()];
    const value = key ? facts[key] : null;
    return value ?? whole;
  });
}
