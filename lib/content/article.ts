/** The article the product is built on, credited on the About page. */
export const ARTICLE = {
  title: "Should I Tell My Partner What Happens in Therapy?",
  outlet: "Verywell Mind",
  author: "Sanjana Gupta, with Sabrina Romanoff, PsyD",
  url: "https://www.verywellmind.com/should-i-tell-my-partner-what-happens-in-therapy-5496566",
} as const;
