import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

const page = { backgroundColor: "#f8fafc", fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif", color: "#0f172a" };
const card = { backgroundColor: "#ffffff", border: "1px solid #e2e8f0", borderRadius: "8px", padding: "24px", maxWidth: "560px" };
const muted = { color: "#475569", fontSize: "13px", lineHeight: "20px" };

// Frame of every billing email: real headings, the provider, and why the recipient got it with a
// link to change that (R-N3). Facts are text, never only in images.
export function EmailLayout({
  preview,
  provider,
  heading,
  reason,
  preferencesUrl,
  children,
}: {
  preview: string;
  provider: string;
  heading: string;
  reason: string;
  preferencesUrl: string;
  children: React.ReactNode;
}) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <title>{heading}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Text style={{ ...muted, marginTop: 0, fontWeight: 600, textTransform: "uppercase", letterSpacing: "0.05em" }}>{provider} Billing</Text>
          <Heading as="h1" style={{ fontSize: "20px", lineHeight: "28px", margin: "0 0 16px" }}>
            {heading}
          </Heading>
          {children}
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0 16px" }} />
          <Section>
            <Text style={muted}>Why you got this: {reason} Email is on for your Billing notifications.</Text>
            <Text style={muted}>
              Change your notification preferences: <Link href={preferencesUrl}>{preferencesUrl}</Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
