import type { NotificationMessage } from "../content";
import { EmailLayout } from "./email-layout";
import { NotificationBlock } from "./notification-block";

// One event, one email (invoice posted, or a single reminder in a sweep).
export function NotificationEmail(props: { message: NotificationMessage; provider: string; actionUrl: string; preferencesUrl: string }) {
  const { message } = props;
  return (
    <EmailLayout preview={message.subject} provider={props.provider} heading={message.title} reason={message.reason} preferencesUrl={props.preferencesUrl}>
      <NotificationBlock message={message} actionUrl={props.actionUrl} />
    </EmailLayout>
  );
}
