import { Body, Container, Head, Heading, Html, Link, Preview, Text } from "@react-email/components";

const page = { backgroundColor: "#f8fafc", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", color: "#0f172a" };
const card = { backgroundColor: "#ffffff", border: "1px solid #e2e8f0", borderRadius: "8px", padding: "24px", maxWidth: "560px" };
const muted = { color: "#475569", fontSize: "13px", lineHeight: "20px" };

// The "Forgot password" email: one link, how long it works, and what to do if it was not you.
export function PasswordResetEmail({ provider, url, minutes }: { provider: string; url: string; minutes: number }) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <title>Reset your password</title>
      </Head>
      <Preview>Choose a new password for {provider} Billing</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={{ ...muted, marginTop: 0, fontWeight: 600 }}>{provider} Billing</Text>
          <Heading as="h1" style={{ fontSize: "20px", lineHeight: "28px", margin: "0 0 16px" }}>
            Reset your password
          </Heading>
          <Text>Someone asked to reset the password of your billing portal login. To choose a new password, open this link:</Text>
          <Text>
            <Link href={url}>{url}</Link>
          </Text>
          <Text style={muted}>
            The link works once and for {minutes} minutes. Choosing a new password signs you out everywhere. If you didn&apos;t ask for this, ignore this email: your password stays
            as it is.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
