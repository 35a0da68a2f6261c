export interface SampleInquiry {
  channel: 'api' | 'email' | 'chat' | 'github' | 'forum';
  subject: string;
  body: string;
  customer: { id: string; email?: string; serviceLevel?: 'standard' | 'premium' | 'enterprise' };
}

/** A handful of realistic Chat App inquiries for demos and load; not training or evaluation data. */
export const SAMPLE_INQUIRIES: SampleInquiry[] = [
  {
    channel: 'email',
    subject: 'None of my plugins load after upgrading',
    body: 'Hi, since I upgraded this morning every plugin fails to load and the log shows a traceback with ModuleNotFoundError. I cannot use the app at all. Any idea?',
    customer: { id: 'cust-ana', email: 'ana@example.org', serviceLevel: 'premium' },
  },
  {
    channel: 'chat',
    subject: 'colours look wrong',
    body: 'the colours in the terminal look washed out in tmux, is there a setting for that?',
    customer: { id: 'cust-ben' },
  },
  {
    channel: 'github',
    subject: 'API key printed in debug log',
    body: 'With debug logging on, the full provider API key is written to the log file in plain text. This is a security leak for anyone sharing logs.',
    customer: { id: 'cust-chen', serviceLevel: 'enterprise' },
  },
  {
    channel: 'forum',
    subject: 'How do I add an MCP server?',
    body: 'Just installed Chat App and would like to connect a filesystem MCP server. Where does the configuration go?',
    customer: { id: 'cust-dana' },
  },
  {
    channel: 'api',
    subject: 'Conversation history disappeared',
    body: 'After a crash yesterday my whole conversation history is gone, the sessions folder is empty. We lost weeks of work.',
    customer: { id: 'cust-eli', serviceLevel: 'enterprise' },
  },
  {
    channel: 'email',
    subject: 'Hook priority question',
    body: 'I am writing a plugin with two hooks on the same event and the lower priority one runs first. Is the ordering documented somewhere?',
    customer: { id: 'cust-fatima' },
  },
];
